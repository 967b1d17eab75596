import CloudStack
import Pipeline
import Synchronization

/// Tags this gateway asked CloudStack to create whose createTags job had not ended when the request
/// answered, per caller, so Describe answers show them until CloudStack does (or the entry expires).
///
/// EC2 shows tags at once; CloudStack only when its job ends. Bounded: at most `perCaller` entries per
/// caller and `callers` callers, each entry living `ttl` seconds.
final class PendingTags: Sendable {
    /// One tag on one resource, in CloudStack's terms (value as stored).
    struct Entry: Sendable, Equatable {
        let resourceID: String
        let resourceType: String
        let key: String
        let value: String
        let expires: Int64

        /// The entry as a listTags row, so every tag path reads one shape.
        var row: Tag {
            var tag = Tag()
            tag.key = key
            tag.value = value
            tag.resourceid = resourceID
            tag.resourcetype = resourceType
            return tag
        }
    }

    private let entries = Mutex<[String: [Entry]]>([:])
    private let clock: Clock
    /// How long an entry is shown without CloudStack confirming it.
    let ttl: Int64 = 600
    private let perCaller = 1_000
    private let callers = 10_000

    /// Creates an empty set on `clock`.
    init(clock: Clock) { self.clock = clock }

    /// Remembers `tags` on `resourceIDs` for `caller`, replacing pending values of the same keys.
    func add(_ tags: [(key: String, value: String)], on resourceIDs: [String], resourceType: String, caller: String) {
        let expires = clock.epochSeconds + ttl
        entries.withLock { table in
            if table[caller] == nil && table.count >= callers { table.removeAll(keepingCapacity: true) }
            var list = live(table[caller] ?? [])
            for id in resourceIDs {
                for tag in tags {
                    list.removeAll { $0.resourceID == id && $0.key == tag.key }
                    list.append(Entry(resourceID: id, resourceType: resourceType, key: tag.key, value: tag.value, expires: expires))
                }
            }
            table[caller] = Array(list.suffix(perCaller))
        }
    }

    /// Forgets the pending tags of `caller` on `resourceIDs` whose key is in `keys` (every key when nil).
    func remove(on resourceIDs: [String], keys: Set<String>?, caller: String) {
        entries.withLock { table in
            guard var list = table[caller] else { return }
            let ids = Set(resourceIDs)
            list.removeAll { ids.contains($0.resourceID) && (keys?.contains($0.key) ?? true) }
            table[caller] = list.isEmpty ? nil : list
        }
    }

    /// The live pending tags of `caller` (all of them, or those on one resource).
    func tags(for caller: String, resourceID: String? = nil) -> [Entry] {
        entries.withLock { table in
            guard let list = table[caller] else { return [] }
            let kept = live(list)
            if kept.count != list.count { table[caller] = kept.isEmpty ? nil : kept }
            guard let resourceID else { return kept }
            return kept.filter { $0.resourceID == resourceID }
        }
    }

    /// Whether `caller` has anything pending (one lock, for the common empty case).
    func isEmpty(for caller: String) -> Bool { entries.withLock { $0[caller]?.isEmpty ?? true } }

    /// `tags` of a CloudStack resource with `caller`'s pending ones added where CloudStack has no such
    /// key yet; pending tags CloudStack now shows with the same value are forgotten.
    func overlay(_ tags: [Tag], resourceID: String?, caller: String) -> [Tag] {
        guard let resourceID, !isEmpty(for: caller) else { return tags }
        var result = tags
        var confirmed: Set<String> = []
        for entry in self.tags(for: caller, resourceID: resourceID) {
            if let shown = result.first(where: { $0.key == entry.key }) {
                if shown.value == entry.value { confirmed.insert(entry.key) }
                continue
            }
            result.append(entry.row)
        }
        if !confirmed.isEmpty { remove(on: [resourceID], keys: confirmed, caller: caller) }
        return result
    }

    private func live(_ list: [Entry]) -> [Entry] {
        let now = clock.epochSeconds
        return list.filter { $0.expires > now }
    }
}

extension ActionContext {
    /// A CloudStack resource's `tags` with the caller's pending ones added (see `PendingTags`).
    func withPendingTags(_ tags: [Tag], on resourceID: String?) -> [Tag] {
        memory.pendingTags.overlay(tags, resourceID: resourceID, caller: accessKeyID)
    }
}
