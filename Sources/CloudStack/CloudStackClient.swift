public import Pipeline

/// Calls the CloudStack management server: signs with the end user's keys, retries idempotent reads,
/// decodes typed results and turns every failure into one `CloudStackError`.
///
/// A value type; copies share the transport and the retry budget.
public struct CloudStackClient: Sendable {
    /// The backend transport (the per-loop connection pool in production).
    public let transport: any Transport
    /// Tunables.
    public let configuration: ClientConfiguration
    /// Metrics sink.
    public let observer: any ClientObserver
    /// Clocks, sleep and randomness.
    public let environment: ClientEnvironment
    let builder: RequestBuilder
    let budget: RetryBudget
    /// The network and VPC changes sent through this client and its copies (the `Catalog` reads it).
    public let networkChanges: ResourceChanges
    /// The volume changes sent through this client and its copies (the `Catalog` reads it).
    public let volumeChanges: ResourceChanges
    /// CloudStack pages read ahead of front-end page walks (`readAhead`, `walkPage`), shared by copies.
    let readAheads: PageReadAhead

    /// Creates a client.
    public init(
        transport: any Transport, configuration: ClientConfiguration = ClientConfiguration(),
        observer: any ClientObserver = NoObserver(), environment: ClientEnvironment = .live
    ) {
        self.transport = transport
        self.configuration = configuration
        self.observer = observer
        self.environment = environment
        self.builder = RequestBuilder(configuration: configuration)
        self.budget = RetryBudget(ratio: configuration.retry.budgetRatio, capacity: configuration.retry.budgetCapacity)
        self.networkChanges = .networks()
        self.volumeChanges = .volumes()
        self.readAheads = PageReadAhead(clock: environment.clock)
    }

    /// Sends `command` signed with `credentials` and decodes its result.
    public func call<C: CloudStackCommand>(
        _ command: C, _ parameters: Parameters = Parameters(), as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> C.Result {
        let descriptor = command.descriptor
        let start = environment.clock.monotonicNanos()
        // Before and after: a network list read while the command runs is not kept either.
        if descriptor.changesNetworks { networkChanges.record() }
        if descriptor.changesVolumes { volumeChanges.record() }
        if !descriptor.isIdempotent { readAheads.noteWrite() }
        defer {
            if descriptor.changesNetworks { networkChanges.record() }
            if descriptor.changesVolumes { volumeChanges.record() }
            if !descriptor.isIdempotent { readAheads.noteWrite() }
        }
        do {
            let response = try await exchange(descriptor, parameters, credentials)
            let result = try ResponseDecoder.decode(command, response)
            // A network, VPC or volume job that has finished, however it is being waited for (awaitJob, operations.get).
            if descriptor.queriesJobs, let job = result as? AsyncJob, job.status != .inProgress {
                if networkChanges.isJob(job.cmd) { networkChanges.record() }
                if volumeChanges.isJob(job.cmd) { volumeChanges.record() }
                readAheads.noteWrite()
            }
            finish(descriptor, .success, since: start)
            return result
        } catch {
            let outcome: RequestOutcome
            switch error {
            case .api(let failure): outcome = .apiError(failure.errorcode)
            case .throttled:
                observer.requestThrottled(command: descriptor.name)
                outcome = .throttled
            case .unavailable: outcome = .unavailable
            case .cancelled: outcome = .cancelled
            case .upstream, .jobFailed, .jobTimeout: outcome = .upstreamError
            }
            finish(descriptor, outcome, since: start)
            throw error
        }
    }

    private func finish(_ descriptor: CommandDescriptor, _ outcome: RequestOutcome, since start: UInt64) {
        let now = environment.clock.monotonicNanos()
        observer.requestFinished(command: descriptor.name, outcome: outcome, latencyNanos: now >= start ? now - start : 0)
    }

    /// One HTTP exchange with retries: only idempotent reads, only after a reset or timeout, within the budget.
    func exchange(
        _ descriptor: CommandDescriptor, _ parameters: Parameters, _ credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> InboundResponse {
        budget.deposit()
        var retries = 0
        while true {
            if Task.isCancelled { throw .cancelled }
            // Built per attempt so a retried request carries a fresh `expires`.
            let request = builder.build(descriptor, parameters, credentials: credentials, epochSeconds: environment.clock.epochSeconds)
            let failure: TransportError
            do {
                return try await transport.send(request)
            } catch let error as TransportError {
                failure = error
            } catch is CancellationError {
                throw .cancelled
            } catch {
                throw .unavailable(.other(String(describing: error)))
            }
            // Not CloudStack's answer as it should be: retrying would read the same oversized body again.
            if failure == .responseTooLarge { throw .upstream(status: 200, reason: "answer larger than the gateway reads") }
            let retryable = failure == .connectionReset || failure == .timeout
            guard retryable, descriptor.isIdempotent, retries < configuration.retry.maxRetries, budget.withdraw() else {
                throw .unavailable(UnavailableReason(failure))
            }
            retries += 1
            observer.requestRetried(command: descriptor.name, attempt: retries)
            do {
                try await environment.clock.sleep(backoff(retry: retries))
            } catch {
                throw .cancelled
            }
        }
    }

    /// Equal-jitter exponential backoff: half the step fixed, half random.
    func backoff(retry: Int) -> UInt64 {
        let policy = configuration.retry
        let shift = min(retry - 1, 32)
        let (scaled, overflow) = policy.baseDelayNanos.multipliedReportingOverflow(by: UInt64(1) << UInt64(shift))
        let step = overflow ? policy.maxDelayNanos : min(policy.maxDelayNanos, scaled)
        let jitter = Double(step / 2) * min(max(environment.random(), 0), 1)
        return step - step / 2 + UInt64(jitter)
    }
}

extension UnavailableReason {
    /// The reason for a transport error.
    init(_ error: TransportError) {
        switch error {
        case .connectFailed(let why): self = .connectFailed(why)
        case .connectionReset: self = .connectionReset
        case .timeout: self = .timeout
        case .poolExhausted: self = .poolExhausted
        case .shutdown: self = .shutdown
        case .responseTooLarge: self = .other("answer larger than the gateway reads")
        }
    }
}
