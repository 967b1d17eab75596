public import JSON

/// compute v1 `MachineType`.
public struct MachineType: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `guestCpus`.
    public var guestCpus: Int
    /// `memoryMb`.
    public var memoryMb: Int
    /// `zone`: the zone's name (not a URL, as GCE writes it).
    public var zone: String
    /// `selfLink`.
    public var selfLink: String
    /// `creationTimestamp`.
    public var creationTimestamp: String?

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#machineType")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("guestCpus", guestCpus)
        w.member("memoryMb", memoryMb)
        w.member("maximumPersistentDisks", 16)
        w.int64String("maximumPersistentDisksSizeGb", 65_536)
        w.member("zone", zone)
        w.member("selfLink", selfLink)
        w.member("isSharedCpu", false)
        w.endObject()
    }
}
