package dev.weir.flink.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Runs one SQL task as a Flink application. The first program argument is the runtime mode, {@code streaming}
 * or {@code batch}; every other one is one statement, base64-encoded (UTF-8), in the order Weir planned them:
 * the last one starts the task's job, the others start none.
 * The runner never parses SQL, and a statement's text never reaches Flink's command line as text.
 *
 * <p>The job's id, name and savepoint come from the application's configuration (Weir sets
 * {@code $internal.pipeline.job-id}, {@code pipeline.name}, {@code execution.savepoint.path}), which the
 * TableEnvironment reads through the execution environment application mode gives it.
 */
public final class WeirSqlRunner {
    /** Starts the line that says which statement failed; Weir looks for it in the JobManager's log. */
    public static final String FAILURE_MARKER = "WEIR_SQL_RUNNER_FAILED";

    private WeirSqlRunner() {}

    /** Flink's message kept at most: the line stays readable, and a runaway message cannot fill the log. */
    static final int MESSAGE_KEPT = 4_000;

    /**
     * ONE line (Weir parses it: server/src/flink/sql-runner-failure.ts): the marker, the failing statement's
     * position among the statements the runner ran (SETs are not among them: Weir folds them into the options),
     * how many there were, then Flink's message with every line break made a space.
     */
    static String failureLine(int position, int count, Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        message = message.replaceAll("[\\r\\n\\u000B\\f\\u0085\\u2028\\u2029]+", " ").trim();
        if (message.length() > MESSAGE_KEPT) message = message.substring(0, MESSAGE_KEPT) + "...";
        String which = position == count ? " (the job statement)" : "";
        return FAILURE_MARKER + ": statement " + position + " of " + count + which + " failed: " + message;
    }

    static List<String> decode(String[] args) {
        if (args.length < 2) throw new IllegalArgumentException("Weir's SQL runner got no statements");
        List<String> statements = new ArrayList<>(args.length - 1);
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) statements.add(new String(Base64.getDecoder().decode(arg), StandardCharsets.UTF_8));
        return statements;
    }

    public static void main(String[] args) {
        List<String> statements = decode(args);
        EnvironmentSettings settings;
        if ("streaming".equals(args[0])) settings = EnvironmentSettings.inStreamingMode();
        else if ("batch".equals(args[0])) settings = EnvironmentSettings.inBatchMode();
        else throw new IllegalArgumentException("Weir's SQL runner knows no runtime mode " + args[0]);
        TableEnvironment tEnv = TableEnvironment.create(settings);
        for (int i = 0; i < statements.size(); i++) {
            try {
                tEnv.executeSql(statements.get(i));
            } catch (RuntimeException e) {
                String line = failureLine(i + 1, statements.size(), e);
                // To stderr (the container's jobmanager.err, which Weir reads when the application ended FAILED)
                // and in the exception Flink logs, so the JobManager's log says it too.
                System.err.println(line);
                System.err.flush();
                throw new IllegalStateException(line, e);
            }
        }
    }
}
