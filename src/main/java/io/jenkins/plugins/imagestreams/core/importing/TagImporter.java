package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.ImportOutcome;
import io.jenkins.plugins.imagestreams.core.TagResult;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Imports one due tag: waits for the caps, resolves through the port, applies the outcome. */
final class TagImporter {
    private final ImageStreams service;
    private final RegistryClient registry;
    private final CredentialsResolver credentials;
    private final ImportScheduler scheduler;
    private final ImportLedger ledger;
    private final RegistryLimiter limiter;
    private final SlidingWindowLimiter globalCap;
    private final ImportSettings settings;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();

    @SuppressWarnings("checkstyle:ParameterNumber")
    TagImporter(
            final ImageStreams service,
            final RegistryClient registry,
            final CredentialsResolver credentials,
            final ImportScheduler scheduler,
            final ImportLedger ledger,
            final RegistryLimiter limiter,
            final SlidingWindowLimiter globalCap,
            final ImportSettings settings,
            final Clock clock) {
        this.service = service;
        this.registry = registry;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.ledger = ledger;
        this.limiter = limiter;
        this.globalCap = globalCap;
        this.settings = settings;
        this.clock = clock;
    }

    int requests() {
        return requests.get();
    }

    TagImport run(final DueTag due) throws InterruptedException {
        ImageReference image = due.image();
        RegistryAllowlist allowlist = settings.allowlist().get();
        if (!allowlist.allows(image, due.tag().importPolicy().insecure())) {
            String message = image.registry() + ": " + image + " is not allowed: the source " + allowlist.rule()
                    + "; no request was sent";
            return apply(
                    due, failed(due, new RegistryException(ConditionReason.Unauthorized, message, Optional.empty())));
        }
        Optional<String> credentialsId = due.tag().importPolicy().credentialsId();
        Optional<RegistryCredentials> creds = credentialsId.isEmpty()
                ? Optional.of(RegistryCredentials.anonymous())
                : credentials.resolve(credentialsId.get(), image);
        if (creds.isEmpty()) {
            String message =
                    image.registry() + ": credentials '" + credentialsId.get() + "' for " + image + " are not defined";
            return apply(
                    due, failed(due, new RegistryException(ConditionReason.Unauthorized, message, Optional.empty())));
        }
        try (RegistryLimiter.Permit permit = limiter.acquire(image.registry())) {
            Instant at = clock.instant();
            if (!globalCap.tryAcquire(at)) {
                return due.deferred();
            }
            ImportRecord before = ledger.get(due.stream().name(), due.tag().name(), due.status());
            requests.incrementAndGet();
            try {
                ResolvedImage resolved = registry.resolve(image, creds.get(), options(due));
                ledger.put(due.stream().name(), due.tag().name(), scheduler.afterSuccess(at, resolved));
                return apply(due, resolved(due, resolved));
            } catch (RegistryException e) {
                ledger.put(due.stream().name(), due.tag().name(), scheduler.afterFailure(before, at, e));
                return apply(due, failed(due, e));
            } catch (RuntimeException e) {
                RegistryException unavailable = new RegistryException(
                        ConditionReason.Unavailable, image.registry() + ": " + image + ": " + e, Optional.empty());
                ledger.put(due.stream().name(), due.tag().name(), scheduler.afterFailure(before, at, unavailable));
                return apply(due, failed(due, unavailable));
            }
        }
    }

    private ResolveOptions options(final DueTag due) {
        Optional<Digest> known = ImportScheduler.knownDigest(due.status());
        return new ResolveOptions(
                known, due.tag().importPolicy().insecure(), settings.deadline(), ResolveOptions.DEFAULT.maxPages());
    }

    private static ImportOutcome resolved(final DueTag due, final ResolvedImage resolved) {
        Optional<TagEvent> current = due.status().flatMap(TagHistory::current);
        Map<String, Digest> platforms = resolved.platformDigests();
        if (!resolved.childrenRead()
                && current.isPresent()
                && current.get().digest().equals(resolved.digest())) {
            platforms = current.get().platformDigests();
        }
        TagEventCause cause =
                due.decision().reason() == ImportReason.IMPORT_REQUESTED ? TagEventCause.MANUAL : TagEventCause.POLL;
        String pullSpec = due.image().name() + "@" + resolved.digest();
        return new ImportOutcome.Resolved(
                resolved.digest(), pullSpec, platforms, cause, TagEvent.SYSTEM, due.requestedSeen());
    }

    private static ImportOutcome failed(final DueTag due, final RegistryException e) {
        String message = e.getMessage() == null ? e.reason().name() : e.getMessage();
        return new ImportOutcome.Failed(e.reason(), message, e.retryAfter(), due.requestedSeen());
    }

    private TagImport apply(final DueTag due, final ImportOutcome outcome) {
        String stream = due.stream().name();
        String tag = due.tag().name();
        TagResult result = service.applyImport(stream, tag, outcome);
        if (outcome instanceof ImportOutcome.Failed failed) {
            return new TagImport(
                    stream,
                    tag,
                    TagImport.Kind.FAILED,
                    due.decision().reason(),
                    result.previousDigest(),
                    result.digest(),
                    false,
                    Optional.of(failed.reason()));
        }
        boolean moved = result.changed() && !result.digest().equals(result.previousDigest());
        boolean relevant = moved && isRelevant(due, stream, tag);
        return new TagImport(
                stream,
                tag,
                moved ? TagImport.Kind.MOVED : TagImport.Kind.UNCHANGED,
                due.decision().reason(),
                result.previousDigest(),
                result.digest(),
                relevant,
                Optional.empty());
    }

    private boolean isRelevant(final DueTag due, final String stream, final String tag) {
        Optional<TagEvent> before = due.status().flatMap(TagHistory::current);
        Optional<TagEvent> after = service.current(stream, tag);
        if (before.isEmpty() || after.isEmpty()) {
            return true;
        }
        return !before.get().sameFor(due.tag().importPolicy().platforms(), after.get());
    }
}
