import JSON

/// queryAsyncJobResult and listAsyncJobs.
enum AsyncJobCommands {
    static let all: [Command] = [query, list]

    static let query = Command("queryAsyncJobResult", required: ["jobid"]) { world, call, w in
        let job = try call.requiredEntity(world.jobs, "jobid")
        try call.checkAccess(job.accountID, resource: "AsyncJob \(job.id)")
        w.beginObject()
        AsyncJobBody.members(job, into: &w)
        w.endObject()
    }

    static let list = Command(
        "listAsyncJobs",
        accepts: [
            "account", "domainid", "isrecursive", "keyword", "listall", "page", "pagesize", "startdate",
        ]
    ) { world, call, w in
        let listQuery = try ListQuery(call, world: world)
        var since: Int64? = nil
        if let text = call.string("startdate") {
            guard let parsed = ExpiresDate.parse(text) ?? ExpiresDate.parse(text + "T00:00:00Z") else {
                throw APIError.badValue(call.name, "startdate", text, type: "date")
            }
            since = parsed
        }
        let jobs = world.jobs.filter { job in
            guard listQuery.includes(account: job.accountID) else { return false }
            if let since, job.created < since { return false }
            return listQuery.matchesKeyword(job.commandClass)
        }
        listQuery.write(jobs, item: "asyncjobs", into: &w) { job, w in
            w.beginObject()
            AsyncJobBody.members(job, into: &w)
            w.endObject()
        }
    }
}
