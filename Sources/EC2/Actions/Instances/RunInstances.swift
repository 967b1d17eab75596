import CloudStack

/// `RunInstances` [deployVirtualMachine per instance]: answers with `pending` instances as soon as
/// CloudStack accepted each deploy, never waiting for the jobs, except with `AssociatePublicIpAddress=true`,
/// whose static NAT needs the deployed VM (`LaunchPublicAddresses`). `ClientToken` makes it idempotent:
/// remembered in memory and kept as a VM tag, looked up before anything is deployed.
enum RunInstances: EC2Action {
    typealias Input = RunInstancesInput
    typealias Output = ReservationView
    static let name = "RunInstances"

    static func validate(_ input: Input) throws(EC2Error) {
        guard input.minCount >= 1, input.maxCount >= input.minCount, input.maxCount <= 100 else {
            throw EC2Error.invalidParameterValue(
                "MinCount must be at least 1 and MaxCount between MinCount and 100 (got \(input.minCount) and \(input.maxCount)).")
        }
        if let token = input.clientToken, token.utf8.count > 64 {
            throw EC2Error.invalidParameterValue("ClientToken must be at most 64 characters.")
        }
        try input.validateUnmappable()
    }

    static func perform(_ input: Input, in context: ActionContext) async throws -> Output {
        let requestedTags = try input.instanceTags()
        let volumeTags = try input.volumeTags()
        if let token = input.clientToken, !token.isEmpty {
            let key = context.accessKeyID + "/" + token
            // A retry while the first call is still deploying waits for it, then answers its reservation.
            // The look-up of an earlier launch suspends, so another call can claim the token meanwhile:
            // losing the claim means waiting again, not failing.
            var waited = 0
            while true {
                while context.memory.launching.withLock({ $0.contains(key) }) {
                    guard waited < 600 else {
                        throw EC2Error(
                            code: "IdempotentParameterMismatch", message: "A request with this client token is still in progress.")
                    }
                    try await Task.sleep(nanoseconds: 100_000_000)
                    waited += 1
                }
                if let earlier = try await previousLaunch(token, in: context) { return earlier }
                if context.memory.launching.withLock({ $0.insert(key).inserted }) { break }
            }
        }
        defer {
            if let token = input.clientToken, !token.isEmpty {
                _ = context.memory.launching.withLock { $0.remove(context.accessKeyID + "/" + token) }
            }
        }
        var parameters = try await DeployParameters.resolve(input, in: context)
        let volumePlan = try await LaunchVolumes.plan(input, in: context)
        var launched: [String] = []
        var receipts: [AsyncJobReceipt] = []
        var launchContext = ErrorContext.none
        launchContext.launching = true
        for _ in 0..<input.maxCount {
            do {
                let receipt = try await context.submit(CommandTable.deployVirtualMachine, parameters.parameters, context: launchContext)
                if let id = receipt.id {
                    launched.append(id)
                    receipts.append(receipt)
                }
            } catch {
                if launched.count >= input.minCount { break }
                await rollBack(launched, in: context)
                throw error
            }
            parameters.ipAddressUsed()
        }
        if input.associatesPublicIpAddress {
            do {
                try await LaunchPublicAddresses.attach(receipts, in: context, launchContext: launchContext)
            } catch {
                await rollBack(launched, in: context)
                throw error
            }
        }
        guard let first = launched.first, let firstID = EC2ID(kind: .instance, cloudStackUUID: first) else {
            throw EC2Error.internalError()
        }
        let reservationID = ResourceKind.reservation.prefix + firstID.hex
        var tags = requestedTags
        tags.append((InternalTags.reservation, reservationID))
        if let image = parameters.launchedImageID { tags.append((InternalTags.imageID, image)) }
        if let token = input.clientToken, !token.isEmpty {
            tags.append((InternalTags.clientToken, token))
            context.memory.clientTokens.store(launched, for: context.accessKeyID + "/" + token, ttl: context.memory.clientTokenTTL)
        }
        // The instances exist now: a failure to tag them must not make the client launch them again.
        try? await context.createTags(tags, on: launched, resourceType: "UserVm")
        try await launchVolumes(volumePlan, on: launched, zoneID: parameters.parameters["zoneid"], tags: volumeTags, in: context)
        var views = try await InstanceLookup.views(
            try await InstanceLookup.virtualMachines(launched.compactMap { EC2ID(kind: .instance, cloudStackUUID: $0) }, in: context),
            withVolumes: false, in: context)
        let order = Dictionary(launched.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        views.sort { (order[EC2ID.uuid(of: $0.instanceId)] ?? 0) < (order[EC2ID.uuid(of: $1.instanceId)] ?? 0) }
        for index in views.indices {
            views[index].amiLaunchIndex = index
            views[index].reservationId = reservationID
            views[index].instanceState = .pending
            views[index].tagSet = tags.filter { !InternalTags.isInternal($0.key) }.map { TagView(key: $0.key, value: $0.value) }
        }
        return ReservationView(
            reservationId: reservationID, ownerId: views.first?.ownerId ?? "", groupSet: [], instancesSet: views)
    }

    /// The reservation an earlier call with the same token launched, whole: from memory, else from the tag.
    ///
    /// Every VM found is of that launch, so they form one reservation even while CloudStack's createTags job
    /// (which gives them their reservation tag) is still running: its id is the tag's where a VM has it, else
    /// the one the launch derived from its first instance.
    static func previousLaunch(_ token: String, in context: ActionContext) async throws(EC2Error) -> ReservationView? {
        var vms: [VirtualMachine] = []
        var launchOrder: [String] = []
        if let ids = context.memory.clientTokens.value(for: context.accessKeyID + "/" + token) {
            launchOrder = ids
            vms = try await InstanceLookup.virtualMachines(ids.compactMap { EC2ID(kind: .instance, cloudStackUUID: $0) }, in: context)
        }
        if vms.isEmpty {
            var parameters = Parameters()
            parameters.setTags([(InternalTags.clientToken, token)])
            vms = try await InstanceLookup.virtualMachines(nil, extra: parameters, in: context)
        }
        guard !vms.isEmpty else { return nil }
        var views = try await InstanceLookup.views(vms, withVolumes: false, in: context)
        let tagged = vms.lazy.compactMap { $0.tags.first { $0.key == InternalTags.reservation }?.value }.first
        let first = launchOrder.first.flatMap { EC2ID(kind: .instance, cloudStackUUID: $0) }
        guard let reservationID = tagged ?? first.map({ ResourceKind.reservation.prefix + $0.hex }) ?? views.first?.reservationId
        else { return nil }
        let order = Dictionary(launchOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        views.sort { (order[EC2ID.uuid(of: $0.instanceId)] ?? Int.max) < (order[EC2ID.uuid(of: $1.instanceId)] ?? Int.max) }
        for index in views.indices {
            views[index].reservationId = reservationID
            views[index].amiLaunchIndex = index
        }
        return ReservationView(reservationId: reservationID, ownerId: views.first?.ownerId ?? "", groupSet: [], instancesSet: views)
    }

    /// The launch's data volumes and volume tags (`LaunchVolumes`); if a volume cannot be created,
    /// the launch fails as a whole and its instances are destroyed again.
    private static func launchVolumes(
        _ plan: [LaunchVolumes.Planned], on launched: [String], zoneID: String?, tags: [(key: String, value: String)],
        in context: ActionContext
    ) async throws(EC2Error) {
        guard !plan.isEmpty || !tags.isEmpty, let zoneID else { return }
        do {
            _ = try await LaunchVolumes.create(plan, on: launched, zoneID: zoneID, tags: tags, in: context)
        } catch {
            await rollBack(launched, in: context)
            throw error
        }
    }

    // EC2 launches all of MinCount or nothing: instances already deployed are destroyed again. CloudStack 4.18
    // lets only admins expunge (unless allow.user.expunge.recover.vm is set): a user's VMs are destroyed instead,
    // which hides them from their owner until the expunge delay removes them.
    private static func rollBack(_ launched: [String], in context: ActionContext) async {
        for id in launched {
            do {
                _ = try await context.submit(CommandTable.destroyVirtualMachine, ["id": id, "expunge": "true"])
            } catch {
                _ = try? await context.submit(CommandTable.destroyVirtualMachine, ["id": id])
            }
        }
    }
}
