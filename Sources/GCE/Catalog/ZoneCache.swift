import CloudStack
import Synchronization

/// Each caller's zone list for a few seconds: every zonal method resolves its zone first, and zones change far
/// less often than anything else, so this saves one CloudStack round trip per zonal request. Per instance, keyed
/// by API key (zones a caller sees depend on its domain); a new or disabled zone shows within `ttlSeconds`.
final class ZoneCache: Sendable {
    private let entries = Mutex<[String: (until: Int64, zones: [CloudStack.Zone])]>([:])
    let ttlSeconds: Int64

    init(ttlSeconds: Int64 = 30) { self.ttlSeconds = ttlSeconds }

    /// The cached zones of a caller, if fresh.
    func zones(for apiKey: String, now: Int64) -> [CloudStack.Zone]? {
        entries.withLock { entries in
            guard let entry = entries[apiKey], entry.until > now else { return nil }
            return entry.zones
        }
    }

    /// Remembers a caller's zones.
    func store(_ zones: [CloudStack.Zone], for apiKey: String, now: Int64) {
        entries.withLock { entries in
            if entries.count >= 4096 { entries = entries.filter { $0.value.until > now } }
            if entries.count >= 4096 { entries.removeAll(keepingCapacity: true) }
            entries[apiKey] = (now + ttlSeconds, zones)
        }
    }
}
