import CloudStack
import Pipeline

/// `TagSpecification.N` as every EC2 create action takes it: a `ResourceType` and `Tag.N.Key`/`Value`.
///
/// Each action names the resource types it creates; a specification for any other type is refused
/// naming it (EC2: "'volume' is not a valid taggable resource type for this operation"), never dropped.
struct TagSpecification: Decodable, Sendable {
    /// `Tag.N`.
    struct Tag: Decodable, Sendable {
        let key: String
        let value: String?
        enum CodingKeys: String, CodingKey {
            case key = "Key"
            case value = "Value"
        }

        /// `Key` is optional on the wire (the EC2 model's `Tag` has no required members): an empty or
        /// missing key is EC2's `InvalidParameterValue` from `TagMapping.checkKey`, not `MissingParameter`.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decodeIfPresent(String.self, forKey: .key) ?? ""
            value = try container.decodeIfPresent(String.self, forKey: .value)
        }
    }
    let resourceType: String?
    let tags: [Tag]?
    enum CodingKeys: String, CodingKey {
        case resourceType = "ResourceType"
        case tags = "Tag"
    }

    /// The tags `specifications` ask for on `resourceType`, checked.
    ///
    /// - `allowed`: the EC2 resource types this action creates (`instance`, `volume`, ...); a
    ///   specification without `ResourceType` applies to `resourceType`.
    /// - Keys starting with `aws:` or the gateway's internal prefix are refused, as are empty keys.
    static func tags(
        _ specifications: [TagSpecification]?, for resourceType: String, allowed: Set<String>
    ) throws(EC2Error) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for specification in specifications ?? [] {
            let type = specification.resourceType ?? resourceType
            guard allowed.contains(type) else {
                throw EC2Error.invalidParameterValue(
                    "'\(XMLSafeName.clip(type))' is not a valid taggable resource type for this operation.")
            }
            guard type == resourceType else { continue }
            for tag in specification.tags ?? [] {
                try TagMapping.checkKey(tag.key)
                try TagMapping.checkValue(tag.value ?? "")
                result.removeAll { $0.key == tag.key }
                result.append((tag.key, tag.value ?? ""))
            }
        }
        guard result.count <= TagMapping.perResourceLimit else {
            throw EC2Error(code: "TagLimitExceeded", message: "The maximum number of Tags for a resource has been reached.")
        }
        return result
    }

    /// Refuses keys a caller may not set: empty, over 128 characters, `aws:` or the gateway's own prefix.
    static func checkKey(_ key: String) throws(EC2Error) { try TagMapping.checkKey(key) }
}

extension ActionContext {
    /// Tags CloudStack resources of one CloudStack resource type (`UserVm`, `Volume`, `Snapshot`,
    /// `Template`, ...) with `tags`; does nothing when there are none.
    ///
    /// Empty values are stored as `TagMapping.emptyValue`. The createTags job is waited for up to
    /// `GatewayMemory.tagJobWaitNanos`, so its failure is this request's error; tags of a job still
    /// running then are remembered in `GatewayMemory.pendingTags`, so the answer and the next Describe
    /// show them (EC2 shows tags at once).
    func createTags(_ tags: [(key: String, value: String)], on cloudStackIDs: [String], resourceType: String) async throws(EC2Error) {
        guard !tags.isEmpty, !cloudStackIDs.isEmpty else { return }
        let stored = tags.map { (key: $0.key, value: TagMapping.cloudStack($0.value)) }
        var parameters: Parameters = ["resourcetype": resourceType]
        parameters.setList("resourceids", cloudStackIDs)
        parameters.setTags(stored)
        let receipt = try await submit(CommandTable.createTags, parameters)
        try await awaitTagJob(receipt.jobid, setting: stored, on: cloudStackIDs, resourceType: resourceType)
    }

    /// Waits up to `GatewayMemory.tagJobWaitNanos` for a job that sets `stored` (CloudStack values) on
    /// resources; while it runs the tags are in `GatewayMemory.pendingTags`, and stay there if it is
    /// still running at the deadline. A failed job is this request's error.
    func awaitTagJob(
        _ jobID: String, setting stored: [(key: String, value: String)], on cloudStackIDs: [String], resourceType: String
    ) async throws(EC2Error) {
        memory.pendingTags.add(stored, on: cloudStackIDs, resourceType: resourceType, caller: accessKeyID)
        let finished: Bool
        do {
            finished = try await awaitJob(jobID, deadlineNanos: memory.tagJobWaitNanos)
        } catch {
            memory.pendingTags.remove(on: cloudStackIDs, keys: Set(stored.map(\.key)), caller: accessKeyID)
            throw error
        }
        if finished { memory.pendingTags.remove(on: cloudStackIDs, keys: Set(stored.map(\.key)), caller: accessKeyID) }
    }

    /// Deletes exactly `tags` (key and CloudStack value) from one resource and waits for the job.
    func deleteTags(_ tags: [(key: String, value: String)], on cloudStackID: String, resourceType: String) async throws(EC2Error) {
        guard !tags.isEmpty else { return }
        var parameters: Parameters = ["resourcetype": resourceType, "resourceids": cloudStackID]
        parameters.setTags(tags)
        let receipt = try await submit(CommandTable.deleteTags, parameters)
        memory.pendingTags.remove(on: [cloudStackID], keys: Set(tags.map(\.key)), caller: accessKeyID)
        guard try await awaitJob(receipt.jobid, deadlineNanos: memory.tagJobWaitNanos * 6) else {
            throw EC2Error.unavailable("CloudStack is still deleting the tags; try again shortly.")
        }
    }

    /// Polls a job until it ends or `deadlineNanos` pass: true when it succeeded, false when still
    /// running; a failed job throws its EC2 error.
    func awaitJob(_ jobID: String, deadlineNanos: UInt64, context: ErrorContext = .none) async throws(EC2Error) -> Bool {
        let start = clock.monotonicNanos()
        var interval: UInt64 = 250_000_000
        while true {
            let job = try await call(CommandTable.queryAsyncJobResult, ["jobid": jobID], context: context)
            switch job.status {
            case .succeeded:
                return true
            case .failed, .cancelled:
                let failure = job.failure
                let error = CloudStackError.jobFailed(
                    JobFailure(
                        jobid: jobID, jobstatus: job.jobstatus ?? 2, jobresultcode: job.jobresultcode ?? 0,
                        errorcode: failure?.errorcode, errortext: failure?.errortext ?? "job failed"))
                throw CloudStackErrorMapping.ec2Error(error, context: context)
            case .inProgress, nil:
                break
            }
            let elapsed = clock.monotonicNanos() &- start
            guard elapsed < deadlineNanos else { return false }
            do {
                try await clock.sleep(min(interval, deadlineNanos - elapsed))
            } catch {
                throw EC2Error.internalError()
            }
            interval = min(interval + interval / 2, Clock.nanosPerSecond)
        }
    }
}
