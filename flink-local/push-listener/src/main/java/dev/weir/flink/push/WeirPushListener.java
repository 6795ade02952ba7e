package dev.weir.flink.push;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.core.execution.JobExecutionStatusEvent;
import org.apache.flink.core.execution.JobStatusChangedEvent;
import org.apache.flink.core.execution.JobStatusChangedListener;

/**
 * Pushes {@code {"jobId","status","timestamp"}} to Weir on each job status change. Flink calls
 * onEvent on the JobMaster's main thread (DefaultExecutionGraph.notifyJobStatusChange), so this
 * only builds a few bytes and hands them to the sender; it never blocks and never throws.
 */
final class WeirPushListener implements JobStatusChangedListener {
    private final PushSender sender;
    private final URI url;
    private final String token;
    private final Duration timeout;

    WeirPushListener(PushSender sender, URI url, String token, Duration timeout) {
        this.sender = sender;
        this.url = url;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public void onEvent(JobStatusChangedEvent event) {
        try {
            // Only a job's execution status is news for the watcher (a client-side JobCreatedEvent is not).
            if (!(event instanceof JobExecutionStatusEvent)) return;
            JobExecutionStatusEvent status = (JobExecutionStatusEvent) event;
            String body = "{\"jobId\":\"" + status.jobId().toHexString() + "\",\"status\":\""
                    + status.newStatus().name() + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
            sender.send(url, token, body, timeout);
        } catch (Throwable ignored) {
            // A push is a hint: losing one costs a calm interval of latency, never the job.
        }
    }
}
