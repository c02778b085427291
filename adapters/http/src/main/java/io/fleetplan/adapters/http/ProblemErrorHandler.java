package io.fleetplan.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Jetty's own refusals (a request line or URI it cannot parse, before any route is looked at)
 * written as problems too, instead of Jetty's HTML error page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String instance = "/";
        try {
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            if (path != null && path.startsWith("/") && !path.equals("/badMessage")) {
                instance = path;
            }
        } catch (RuntimeException ignored) {
            // an unparsable URI: the instance stays "/"
        }
        Problem problem = code >= 500
                ? Problems.of(new IllegalStateException("server refused the request: " + code, cause), instance, false)
                : Problems.problem(code, code == 400 ? "malformed-request" : "client-error",
                "the server could not read this request (" + code + ")", instance, null);
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(problem)), callback);
    }
}
