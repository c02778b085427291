package io.fleetplan.bootstrap.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The http suite's load client: POSTs to one path of a server over one persistent HTTP/1.1
 * keep-alive connection on a plain socket, for one thread. It costs the cores it shares with the
 * server little: the request line and fixed headers are encoded once, each request is written as
 * one array of bytes, and the response is read with no more parsing than it needs: the status line,
 * {@code Content-Length} and {@code Connection}, then the body in full.
 *
 * <p>A response that says {@code Connection: close} (or an HTTP/1.0 one that does not ask to be kept
 * alive) closes the connection, and the next request opens a new one. A response without a body
 * must carry {@code Content-Length}, unless its status has no body (1xx, 204, 304); a chunked or
 * close-delimited body is refused with an {@link IOException}, as is anything that is not HTTP/1.x.
 * Any failure closes the connection; the next request opens a new one.
 */
final class KeepAliveClient implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    /** A response: its status and its body, decoded as UTF-8. */
    record Response(int status, String body) {
    }

    private final InetSocketAddress address;
    private final byte[] head;
    private byte[] request = new byte[1024];
    private final byte[] buffer = new byte[MAX_HEAD];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    /**
     * A client that POSTs to {@code path} on {@code host}:{@code port} with {@code headers} on every
     * request (besides Host and Content-Length, which it writes itself). Nothing is connected yet.
     */
    KeepAliveClient(String host, int port, String path, Map<String, String> headers) {
        this.address = new InetSocketAddress(host, port);
        StringBuilder text = new StringBuilder("POST ").append(token(path, "path")).append(" HTTP/1.1\r\n")
                .append("Host: ").append(token(host, "host")).append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")) {
                throw new IllegalArgumentException(name + " is written by the client itself");
            }
            text.append(token(name, "header name")).append(": ").append(line(value, name)).append("\r\n");
        });
        this.head = text.append("Content-Length: ").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** POSTs {@code body} and reads the whole response; opens a connection if none is open. */
    Response post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            write(body);
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Connections opened so far (one, as long as the server keeps it alive and nothing failed). */
    int connectionsOpened() {
        return connections;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server may have closed already; nothing is lost
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, CONNECT_TIMEOUT_MILLIS);
            opened.setSoTimeout(READ_TIMEOUT_MILLIS);
            in = opened.getInputStream();
            out = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        position = 0;
        limit = 0;
        connections++;
    }

    /** The head, the body's length, a blank line and the body: one write. */
    private void write(byte[] body) throws IOException {
        byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.ISO_8859_1);
        int size = head.length + length.length + 4 + body.length;
        if (request.length < size) {
            request = new byte[Math.max(size, request.length * 2)];
        }
        System.arraycopy(head, 0, request, 0, head.length);
        int at = head.length;
        System.arraycopy(length, 0, request, at, length.length);
        at += length.length;
        request[at++] = '\r';
        request[at++] = '\n';
        request[at++] = '\r';
        request[at++] = '\n';
        System.arraycopy(body, 0, request, at, body.length);
        out.write(request, 0, size);
    }

    private Response read() throws IOException {
        while (true) {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new IOException("not an HTTP/1.x status line: " + printable(statusLine));
            }
            int status = parseStatus(statusLine.substring(9, 12), statusLine);
            boolean keepAlive = statusLine.charAt(7) != '0';
            long contentLength = -1;
            String line;
            while (!(line = readLine()).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: " + printable(line));
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    long declared = parseLength(value);
                    if (contentLength >= 0 && contentLength != declared) {
                        throw new IOException("conflicting Content-Length headers");
                    }
                    contentLength = declared;
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    throw new IOException("Transfer-Encoding " + printable(value) + " is not supported");
                } else if (name.equalsIgnoreCase("Connection")) {
                    String tokens = value.toLowerCase(Locale.ROOT);
                    if (hasToken(tokens, "close")) {
                        keepAlive = false;
                    } else if (hasToken(tokens, "keep-alive")) {
                        keepAlive = true;
                    }
                }
            }
            if (status >= 100 && status < 200) {
                continue; // an interim response; the final one follows
            }
            String body;
            if (status == 204 || status == 304) {
                body = "";
            } else if (contentLength < 0) {
                throw new IOException("HTTP " + status + " without Content-Length");
            } else {
                body = new String(readBody((int) contentLength), StandardCharsets.UTF_8);
            }
            if (!keepAlive) {
                close();
            }
            return new Response(status, body);
        }
    }

    /** One header line, without its line end (CRLF, or a bare LF). */
    private String readLine() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            scanned = limit - position;
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                throw new IOException("a header line longer than " + MAX_HEAD + " bytes");
            }
            fill();
        }
    }

    private byte[] readBody(int length) throws IOException {
        byte[] body = new byte[length];
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, body, 0, buffered);
        position += buffered;
        int at = buffered;
        while (at < length) {
            int n = in.read(body, at, length - at);
            if (n < 0) {
                throw new EOFException("the connection closed after " + at + " of " + length + " body bytes");
            }
            at += n;
        }
        return body;
    }

    private void fill() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("the connection closed before the response was complete");
        }
        limit += n;
    }

    private static int parseStatus(String digits, String statusLine) throws IOException {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IOException("not an HTTP/1.x status line: " + printable(statusLine));
            }
        }
        return Integer.parseInt(digits);
    }

    private static long parseLength(String value) throws IOException {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("Content-Length " + printable(value) + " is not a length up to " + MAX_BODY);
        }
        long length = Long.parseLong(value);
        if (length > MAX_BODY) {
            throw new IOException("Content-Length " + length + " is over " + MAX_BODY);
        }
        return length;
    }

    private static boolean hasToken(String commaSeparated, String token) {
        return Arrays.stream(commaSeparated.split(",")).anyMatch(t -> t.trim().equals(token));
    }

    /** A path, host or header name: visible ASCII without blanks. */
    private static String token(String value, String what) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException(what + " must be visible ASCII without blanks: " + printable(value));
        }
        return value;
    }

    /** A header value: no control characters, so that it cannot end the line or the head. */
    private static String line(String value, String name) {
        if (!value.chars().allMatch(c -> c == '\t' || (c >= ' ' && c < 127))) {
            throw new IllegalArgumentException("the value of " + name + " must be printable ASCII");
        }
        return value;
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return "'" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
