import JSON

extension CloudStackClient {
    /// Polls `queryAsyncJobResult` until the job leaves jobstatus 0; returns it when it succeeded.
    ///
    /// Waits grow by `jobPolling.multiplier` up to `maxIntervalNanos`; after `timeoutNanos` it throws
    /// `.jobTimeout`. Cancelling the calling task stops polling at once with `.cancelled`.
    /// Jobstatus 2 or 3 throws `.jobFailed` with `jobresultcode` and `errortext`.
    public func awaitJob(_ jobID: String, as credentials: CloudStackCredentials) async throws(CloudStackError) -> AsyncJob {
        let polling = configuration.jobPolling
        let start = environment.clock.monotonicNanos()
        var interval = polling.initialIntervalNanos
        while true {
            if Task.isCancelled { throw .cancelled }
            let job = try await call(CommandTable.queryAsyncJobResult, ["jobid": jobID], as: credentials)
            switch job.status {
            case .succeeded:
                return job
            case .failed, .cancelled:
                let failure = job.failure
                throw .jobFailed(
                    JobFailure(
                        jobid: jobID, jobstatus: job.jobstatus ?? 2, jobresultcode: job.jobresultcode ?? 0,
                        errorcode: failure?.errorcode,
                        errortext: failure?.errortext ?? (job.status == .cancelled ? "job cancelled" : "job failed")))
            case .inProgress, nil:
                break
            }
            let elapsed = environment.clock.monotonicNanos() &- start
            guard elapsed < polling.timeoutNanos else { throw .jobTimeout(jobID: jobID, waitedNanos: elapsed) }
            do {
                try await environment.clock.sleep(min(interval, polling.timeoutNanos - elapsed))
            } catch {
                throw .cancelled
            }
            let grown = Double(interval) * max(1, polling.multiplier)
            interval = grown >= Double(polling.maxIntervalNanos) ? polling.maxIntervalNanos : UInt64(grown)
        }
    }

    /// Waits for the job of `receipt` and decodes its typed result.
    public func awaitResult<Output>(
        of command: AsyncCommand<Output>, _ receipt: AsyncJobReceipt, as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> Output {
        let job = try await awaitJob(receipt.jobid, as: credentials)
        do {
            let output: Output?
            if let name = command.descriptor.resultName {
                output = try job.result(Output.self, named: name)
            } else if let raw = job.jobresult {
                output = try JSONReader.read(raw) { (reader: inout JSONReader) throws(JSONError) -> Output in
                    try Output.decode(from: &reader)
                }
            } else {
                output = nil
            }
            guard let output else {
                throw CloudStackError.upstream(
                    status: 200,
                    reason:
                        "\(command.descriptor.name): job \(receipt.jobid) result lacks `\(command.descriptor.resultName ?? "jobresult")`")
            }
            return output
        } catch let error as CloudStackError {
            throw error
        } catch {
            throw .upstream(status: 200, reason: "\(command.descriptor.name): job result: \(error)")
        }
    }

    /// Submits an async command and waits for its typed result.
    public func run<Output>(
        _ command: AsyncCommand<Output>, _ parameters: Parameters = Parameters(), as credentials: CloudStackCredentials
    ) async throws(CloudStackError) -> Output {
        let receipt = try await call(command, parameters, as: credentials)
        return try await awaitResult(of: command, receipt, as: credentials)
    }
}
