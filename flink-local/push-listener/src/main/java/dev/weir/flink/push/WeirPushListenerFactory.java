package dev.weir.flink.push;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobStatusChangedListener;
import org.apache.flink.core.execution.JobStatusChangedListenerFactory;

/**
 * Named in {@code execution.job-status-changed-listeners}; Flink 2.x's ExecutionGraph builder calls
 * it once per job (DefaultExecutionGraphBuilder, through JobStatusChangedListenerUtils) with the
 * JobManager's configuration. Without {@code weir.push.url} the listener does nothing, so the jar
 * may sit in lib/ of a cluster Weir does not watch.
 */
public final class WeirPushListenerFactory implements JobStatusChangedListenerFactory {
    public static final ConfigOption<String> URL =
            ConfigOptions.key("weir.push.url").stringType().noDefaultValue()
                    .withDescription("Weir's push endpoint for this cluster: https://weir/push/clusters/<id>");
    public static final ConfigOption<String> TOKEN =
            ConfigOptions.key("weir.push.token").stringType().noDefaultValue()
                    .withDescription("The cluster's push token, shown by Weir (GET /api/clusters/<id>/push-token)");
    public static final ConfigOption<Duration> TIMEOUT =
            ConfigOptions.key("weir.push.timeout").durationType().defaultValue(Duration.ofSeconds(2))
                    .withDescription("How long one push may take before it is dropped");

    @Override
    public JobStatusChangedListener createListener(Context context) {
        Configuration conf = context.getConfiguration();
        String url = conf.get(URL);
        if (url == null || url.isBlank()) return event -> {};
        try {
            return new WeirPushListener(PushSender.shared(), URI.create(url.trim()), conf.get(TOKEN), conf.get(TIMEOUT));
        } catch (RuntimeException badUrl) {
            // A malformed URL must not fail the job's submission: Weir's polling still sees the job.
            PushSender.LOG.warn("weir.push.url is not a URL ({}); status changes are not pushed", badUrl.getMessage());
            return event -> {};
        }
    }
}
