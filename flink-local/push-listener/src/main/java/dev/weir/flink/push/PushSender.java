package dev.weir.flink.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP client for every job of the JobManager, on one daemon thread: a listener is created per
 * job, and a thread or connection pool per job would outlive nothing but cost a lot. Pushes are
 * fire-and-forget with a short timeout, and at most MAX_IN_FLIGHT are pending: when Weir does not
 * answer, further pushes are dropped rather than queued (the watcher's polling is the safety net).
 */
final class PushSender {
    static final Logger LOG = LoggerFactory.getLogger("dev.weir.flink.push");
    private static final int MAX_IN_FLIGHT = 16;
    private static volatile PushSender shared;

    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();

    private PushSender() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weir-push");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(2)).build();
    }

    static PushSender shared() {
        PushSender s = shared;
        if (s == null) {
            synchronized (PushSender.class) {
                if (shared == null) shared = new PushSender();
                s = shared;
            }
        }
        return s;
    }

    void send(URI url, String token, String body, Duration timeout) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            return;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null && !token.isBlank()) request.header("authorization", "Bearer " + token.trim());
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        inFlight.decrementAndGet();
                        boolean ok = error == null && response.statusCode() / 100 == 2;
                        if (ok) {
                            failuresInARow.set(0);
                        } else if (failuresInARow.incrementAndGet() == 1) {
                            // Said once per run of failures, so a Weir that is down does not flood the log.
                            LOG.warn("Weir push to {} failed ({}); Weir's polling will see the change instead",
                                    url, error != null ? error.toString() : "HTTP " + response.statusCode());
                        }
                    });
        } catch (Throwable e) {
            inFlight.decrementAndGet();
        }
    }
}
