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
            boolean job = i == statements.size() - 1;
            try {
                tEnv.executeSql(statements.get(i));
            } catch (RuntimeException e) {
                String what = job ? "the job statement" : "setup statement " + (i + 1);
                // One line, so the JobManager log (and the YARN diagnostics when it is there) says it plainly.
                String reason = (e.getMessage() != null ? e.getMessage() : e.getClass().getName()).replace('\n', ' ');
                System.err.println(FAILURE_MARKER + ": " + what + " failed: " + reason);
                System.err.flush();
                throw new IllegalStateException(FAILURE_MARKER + ": " + what + " failed: " + reason, e);
            }
        }
    }
}
