import JSON
import Pipeline

extension World {
    /// Queues a job behind any earlier job on `syncObject`; returns its id.
    mutating func startJob(
        caller: Caller, commandClass: String, instanceType: String?, instanceID: String?,
        syncObject: String?, now: UInt64, duration: UInt64, work: AsyncJob.Work
    ) -> String {
        let id = ids.next()
        var start = now
        if let syncObject, let busy = objectBusyUntil[syncObject], busy > start { start = busy }
        let end = start &+ duration
        if let syncObject { objectBusyUntil[syncObject] = end }
        jobs[id] = AsyncJob(
            id: id, accountID: caller.account.id, userID: caller.user.id, commandClass: commandClass,
            instanceType: instanceType, instanceID: instanceID, created: Int64(now / Clock.nanosPerSecond),
            startNanos: start, endNanos: end, work: work)
        pendingJobIDs.append(id)
        return id
    }

    /// Runs every job step due at `now`, in creation order, so per-object order holds.
    mutating func advance(to now: UInt64) {
        if !downloadingTemplates.isEmpty { finishDownloads(now) }
        if !backingUpSnapshots.isEmpty { finishBackups(now) }
        guard !pendingJobIDs.isEmpty else { return }
        var stillPending: [String] = []
        let due = pendingJobIDs
        pendingJobIDs = []
        for id in due {
            guard var job = jobs[id], let work = job.work else { continue }
            if !job.started && job.startNanos <= now {
                revision &+= 1
                job.started = true
                jobs[id] = job
                work.begin(&self)
            }
            if job.started && job.endNanos <= now {
                revision &+= 1
                let seconds = Int64(job.endNanos / Clock.nanosPerSecond)
                do {
                    job.result = try work.finish(&self, seconds)
                    job.status = 1
                } catch let error as APIError {
                    job.status = 2
                    job.resultCode = error.code >= 530 ? error.code : 530
                    job.result = AsyncJobBody.failure(code: job.resultCode, text: error.text)
                } catch {
                    job.status = 2
                    job.resultCode = 530
                    job.result = AsyncJobBody.failure(code: 530, text: "\(error)")
                }
                job.completed = seconds
                job.work = nil
                jobs[id] = job
                clearPending(jobID: id, instanceID: job.instanceID)
            } else {
                stillPending.append(id)
            }
        }
        pendingJobIDs = stillPending + pendingJobIDs
        // Completed jobs stay queryable (CloudStack keeps them for job.expire.minutes); drop idle sync entries.
        if pendingJobIDs.isEmpty { objectBusyUntil.removeAll(keepingCapacity: true) }
    }

    /// Marks registered templates whose download time has passed as ready.
    private mutating func finishDownloads(_ now: UInt64) {
        var waiting: [(id: String, readyAt: UInt64)] = []
        for entry in downloadingTemplates {
            if entry.readyAt <= now {
                revision &+= 1
                templates[entry.id]?.isReady = true
                templates[entry.id]?.status = "Download Complete"
            } else {
                waiting.append(entry)
            }
        }
        downloadingTemplates = waiting
    }

    /// Marks snapshots whose background backup (`asyncbackup=true`) has had its time as `BackedUp`.
    private mutating func finishBackups(_ now: UInt64) {
        var waiting: [(id: String, readyAt: UInt64)] = []
        for entry in backingUpSnapshots {
            if entry.readyAt <= now {
                revision &+= 1
                if snapshots[entry.id]?.state == "BackingUp" { snapshots[entry.id]?.state = "BackedUp" }
            } else {
                waiting.append(entry)
            }
        }
        backingUpSnapshots = waiting
    }

    /// Clears the item-level `jobid` once the object's job is done, unless a later job took over.
    private mutating func clearPending(jobID: String, instanceID: String?) {
        guard let instanceID else { return }
        if virtualMachines[instanceID]?.pendingJobID == jobID { virtualMachines[instanceID]?.pendingJobID = nil }
        if volumes[instanceID]?.pendingJobID == jobID { volumes[instanceID]?.pendingJobID = nil }
        if snapshots[instanceID]?.pendingJobID == jobID { snapshots[instanceID]?.pendingJobID = nil }
        if vpcs[instanceID]?.pendingJobID == jobID { vpcs[instanceID]?.pendingJobID = nil }
        if publicIPs[instanceID]?.pendingJobID == jobID { publicIPs[instanceID]?.pendingJobID = nil }
    }
}
