import CloudStack

extension MethodCall {
    /// The operation for a just-submitted CloudStack job: PENDING, as Google answers an insert, without asking
    /// CloudStack again (the next `get` or `wait` does).
    func started(_ kind: OperationName.Kind, job: String, target: String, scope: OperationScope, targetName: String)
        -> Operation
    {
        let name = OperationName(kind: kind, progress: .job(job), target: target)
        var operation = render(name, scope: scope, targetName: targetName, job: nil)
        operation.status = "PENDING"
        operation.insertTime = Timestamps.fromEpoch(clock.epochSeconds)
        operation.startTime = nil
        return operation
    }

    /// The operation for a synchronous CloudStack call: already DONE.
    func done(_ kind: OperationName.Kind, target: String, scope: OperationScope, targetName: String) -> Operation {
        let now = clock.epochSeconds
        let name = OperationName(kind: kind, progress: .done(now), target: target)
        return render(name, scope: scope, targetName: targetName, job: nil)
    }

    /// Looks an operation up by its name (404 if the name is not one of ours or CloudStack has no such job).
    func operation(_ name: OperationName, scope: OperationScope, knownTarget: String? = nil) async throws(GCEError) -> Operation {
        var job: AsyncJob?
        if case .job(let id) = name.progress {
            do {
                job = try await client.call(CommandTable.queryAsyncJobResult, ["jobid": id], as: credentials)
            } catch {
                if case .api(let failure) = error, failure.errorcode == 431 || failure.errorcode == 531 {
                    throw GCEError.notFound(operationPath(name.text, scope))
                }
                throw GCEError(error)
            }
        }
        let targetName: String
        if let knownTarget { targetName = knownTarget } else { targetName = await self.targetName(name, scope: scope, job: job) }
        return render(name, scope: scope, targetName: targetName, job: job)
    }

    func operationPath(_ name: String, _ scope: OperationScope) -> String {
        OperationInput.path(project: project, name, scope)
    }

    /// The GCE name of an operation's target, the same in every answer for the operation. An instance the job
    /// destroyed is no longer listed, so its name is assigned again from the VM in the job's own result
    /// (destroyVirtualMachine answers the VM in state Destroyed) together with the zone's VMs, as it was named
    /// while it existed; only a target gone with no trace in the job (an expunged row) falls back to its numeric id.
    private func targetName(_ name: OperationName, scope: OperationScope, job: AsyncJob?) async -> String {
        if name.kind.targetIsProject { return project }
        if name.kind.target == .zone, case .zone(let zone) = scope { return zone }
        if name.kind.targetIsImage {
            return (try? await templates().first { $0.row.id == name.target }?.name) ?? ResourceID.string(name.target)
        }
        if name.kind.target == .snapshot {
            return (try? await snapshots().first { $0.row.id == name.target }?.name) ?? ResourceID.string(name.target)
        }
        if name.kind.target == .network || name.kind.target == .subnetwork {
            return await networkTargetName(name.target, kind: name.kind.target) ?? ResourceID.string(name.target)
        }
        if name.kind.target == .firewall {
            return (try? await firewallRecords().records.first { $0.uuid == name.target }?.firewall.name) ?? ResourceID.string(name.target)
        }
        if name.kind.target == .address || name.kind.target == .route {
            return await addressOrRouteName(name)
        }
        if name.kind.target == .disk {
            guard case .zone(let zoneName) = scope, let zone = try? await zone(zoneName),
                let volumes = try? await volumes(zoneID: zone.row.id ?? "")
            else { return ResourceID.string(name.target) }
            return volumes.first { $0.row.id == name.target }?.name ?? ResourceID.string(name.target)
        }
        if name.kind.target == .instanceGroup {
            guard case .zone(let zoneName) = scope, let zone = try? await zone(zoneName),
                let groups = try? await instanceGroups(in: zone)
            else { return ResourceID.string(name.target) }
            return groups.first { $0.row.id == name.target }?.name ?? ResourceID.string(name.target)
        }
        guard case .zone(let zoneName) = scope, let zone = try? await zone(zoneName),
            let vms = try? await listAll(CommandTable.listVirtualMachines, ["zoneid": zone.row.id ?? ""])
        else { return ResourceID.string(name.target) }
        var rows = vms
        if !rows.contains(where: { $0.id == name.target }), let gone = try? job?.result(VirtualMachine.self, named: "virtualmachine"),
            gone.id == name.target, gone.name != nil
        {
            rows.append(gone)
        }
        let named = rows.named(id: { $0.id ?? "" }, name: { $0.name ?? "" })
        return named.first { $0.row.id == name.target }?.name ?? ResourceID.string(name.target)
    }

    func render(_ name: OperationName, scope: OperationScope, targetName: String, job: AsyncJob?) -> Operation {
        let targetLink: String
        if name.kind.targetIsProject {
            targetLink = links.projectLink
        } else if name.kind.targetIsImage {
            targetLink = links.image(targetName)
        } else if name.kind.target == .snapshot {
            targetLink = links.snapshot(targetName)
        } else if name.kind.target == .network {
            targetLink = links.network(targetName)
        } else if name.kind.target == .subnetwork, case .region(let region) = scope {
            targetLink = links.subnetwork(region, targetName)
        } else if name.kind.target == .firewall {
            targetLink = links.firewall(targetName)
        } else if name.kind.target == .address, case .region(let region) = scope {
            targetLink = links.address(region, targetName)
        } else if name.kind.target == .route {
            targetLink = links.route(targetName)
        } else if name.kind.target == .disk, case .zone(let zone) = scope {
            targetLink = links.disk(zone, targetName)
        } else if name.kind.target == .instanceGroup, case .zone(let zone) = scope {
            targetLink = links.instanceGroup(zone, targetName)
        } else if name.kind.target == .zone, case .zone(let zone) = scope {
            targetLink = links.zone(zone)
        } else if case .zone(let zone) = scope {
            targetLink = links.instance(zone, targetName)
        } else {
            targetLink = links.projectLink
        }
        var operation = Operation(
            id: ResourceID.of(name.text), name: name.text, zone: nil, region: nil, operationType: name.kind.operationType,
            targetLink: targetLink, targetId: ResourceID.of(name.target), status: "DONE", progress: 100,
            user: credentials.apiKey, insertTime: nil, startTime: nil, endTime: nil, error: nil, selfLink: links.operation(scope, name.text)
        )
        switch scope {
        case .zone(let zone): operation.zone = links.zone(zone)
        case .region(let region): operation.region = links.region(region)
        case .global: break
        }
        switch name.progress {
        case .done(let epoch):
            let time = Timestamps.fromEpoch(epoch)
            operation.insertTime = time
            operation.startTime = time
            operation.endTime = time
            if name.kind == .bulkInsertFailed { operation.error = InstancesBulkInsert.minCountError }
        case .job:
            operation.insertTime = Timestamps.fromCloudStack(job?.created)
            operation.startTime = operation.insertTime
            switch job?.status {
            case .inProgress?, nil:
                operation.status = "RUNNING"
                operation.progress = 0
            case .succeeded?:
                operation.endTime = Timestamps.fromCloudStack(job?.completed) ?? operation.insertTime
            case .failed?, .cancelled?:
                operation.endTime = Timestamps.fromCloudStack(job?.completed) ?? operation.insertTime
                let failure = job?.failure
                let code = Int(failure?.errorcode ?? job?.jobresultcode ?? 530)
                operation.error = GCEError(code: code, text: failure?.errortext ?? "The CloudStack job failed")
            }
        }
        return operation
    }

    /// The operation kind of a CloudStack job, by its command class (`cmd`); nil for jobs GCE does not show.
    static func kind(ofJobClass cmd: String?) -> OperationName.Kind? {
        guard let cmd, let last = cmd.split(separator: ".").last else { return nil }
        let name = last.hasSuffix("ByAdmin") ? last.dropLast("ByAdmin".count) : last
        switch name {
        case "DeployVMCmd": return .insert
        case "DestroyVMCmd": return .delete
        case "StartVMCmd": return .start
        case "StopVMCmd": return .stop
        case "RebootVMCmd": return .reset
        case "CreateTemplateCmd": return .imageInsert
        case "DeleteTemplateCmd": return .imageDelete
        case "CreateSnapshotCmd": return .snapshotInsert
        case "DeleteSnapshotCmd": return .snapshotDelete
        case "AddNicToVMCmd": return .addNetworkInterface
        case "RemoveNicFromVMCmd": return .deleteNetworkInterface
        default: return nil
        }
    }
}
