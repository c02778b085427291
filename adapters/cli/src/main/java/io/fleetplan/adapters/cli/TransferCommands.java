package io.fleetplan.adapters.cli;

import io.fleetplan.application.port.in.records.ImportRecords;
import io.fleetplan.domain.shared.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code fleetplan import} and {@code fleetplan export}: CSV in and out, all or nothing on the way in. */
final class TransferCommands {
    private static final Actor IMPORTER = new Actor("cli-import", "admin");
    private static final String KINDS = "regions, data-centers, accelerator-types, skus, batches, orders, spend";

    private TransferCommands() {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV file of one kind, all or nothing (" + KINDS + ").")
    static final class Import extends Commands.Base {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "KIND", description = KINDS)
        String kind;
        @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file; its first line names the columns.")
        Path file;

        @Override
        public Integer call() {
            Transfer transfer = Transfer.of(kind);
            StoreSettings settings = store.settings();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new StartupFailure("file " + file + " does not exist", e);
            } catch (IOException e) {
                throw new StartupFailure("file " + file + " cannot be read: " + e.getMessage(), e);
            }
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<ImportRecords.Row> rows = transfer.read(text);
                try (CliRuntime.Session session = context.runtime().open(settings)) {
                    ImportRecords.ImportReport report = session.get(ImportRecords.class).importAll(IMPORTER, rows,
                            (done, total) -> {
                                if (total >= 1000) {
                                    err.printf("imported %d of %d rows%n", done, total);
                                    err.flush();
                                }
                            });
                    out().println("imported " + report.rows() + " rows: " + report.byKind().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                }
            } catch (ImportRecords.ImportFailedException e) {
                List<ImportRecords.LineError> errors = e.errors();
                ImportRecords.LineError first = errors.get(0);
                String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more: "
                        + errors.stream().skip(1).limit(10).map(x -> "line " + x.line()).collect(Collectors.joining(", "))
                        + (errors.size() > 11 ? ", ..." : "") + ")";
                throw new StartupFailure("nothing imported from " + file + ": line " + first.line() + ": "
                        + first.message() + more, e);
            }
            return FleetplanCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export one kind of record as CSV (" + KINDS + ").")
    static final class Export extends Commands.Base {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "KIND", description = KINDS)
        String kind;
        @Option(names = "--output", paramLabel = "FILE", description = "Write to a file instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            Transfer transfer = Transfer.of(kind);
            StringBuilder csv = new StringBuilder(Csv.row(transfer.columns));
            try (CliRuntime.Session session = context.runtime().open(store.settings())) {
                for (List<Object> row : transfer.export(session)) {
                    csv.append(Csv.row(row));
                }
            }
            if (output == null) {
                out().print(csv);
            } else {
                Files.writeString(output, csv, StandardCharsets.UTF_8);
                out().println("exported " + (csv.toString().split("\r\n").length - 1) + " " + transfer.kind + " to "
                        + output);
            }
            return FleetplanCli.OK;
        }
    }
}
