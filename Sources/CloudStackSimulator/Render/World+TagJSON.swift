import JSON

extension World {
    /// Writes one `ResourceTagResponse` (shared by `listTags` and every object's `tags`).
    func writeTag(_ tag: ResourceTag, into w: inout JSONWriter) {
        w.beginObject()
        w.member("key", tag.key)
        w.member("value", tag.value)
        w.member("resourcetype", tag.resourceType)
        w.member("resourceid", tag.resourceID)
        if let account = accounts[tag.accountID] {
            w.member("account", account.name)
            w.member("domainid", account.domainID)
            w.member("domain", domains[account.domainID]?.name ?? "ROOT")
        }
        w.member("customer", ifPresent: tag.customer)
        w.endObject()
    }

    /// Writes `"tags":[…]` for a resource (always present, `[]` when untagged, as samples show).
    func writeTags(of resourceID: String, into w: inout JSONWriter) {
        w.key("tags")
        w.beginArray()
        if let list = tagsByResource[resourceID] { for tag in list { writeTag(tag, into: &w) } }
        w.endArray()
    }

    /// Writes `account`, `domainid`, `domain` of an owner.
    func writeOwner(_ accountID: String?, into w: inout JSONWriter) {
        guard let accountID, let account = accounts[accountID] else { return }
        w.member("account", account.name)
        w.member("domainid", account.domainID)
        w.member("domain", domains[account.domainID]?.name ?? "ROOT")
    }

    /// Writes `jobid`/`jobstatus` while a job runs on the object (BaseResponse, last in Gson order).
    func writePendingJob(_ jobID: String?, into w: inout JSONWriter) {
        guard let jobID, let job = jobs[jobID], job.status == 0 else { return }
        w.member("jobid", jobID)
        w.member("jobstatus", 0)
    }
}
