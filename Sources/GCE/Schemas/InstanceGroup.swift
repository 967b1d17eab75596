public import JSON

/// compute v1 `InstanceGroup`: a CloudStack instance group named `<zone>/<name>` (docs/decisions/0014).
public struct InstanceGroup: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `zone` (URL).
    public var zone: String
    /// `size`: the number of instances in the group.
    public var size: Int
    /// `fingerprint`.
    public var fingerprint: String
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#instanceGroup")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("zone", zone)
        w.member("size", size)
        w.member("fingerprint", fingerprint)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension InstanceGroup: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "zone": zone
        case "size": String(size)
        default: nil
        }
    }
}

/// compute v1 `InstanceWithNamedPorts`: one member of `instanceGroups.listInstances`.
public struct InstanceWithNamedPorts: SchemaObject {
    /// `instance` (URL).
    public var instance: String
    /// `status`, as the instance's.
    public var status: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("instance", instance)
        w.member("status", status)
        w.endObject()
    }
}

extension InstanceWithNamedPorts: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "instance": instance
        case "status": status
        default: nil
        }
    }
}
