import CloudStack

/// GCE metadata, labels, network tags and descriptions kept as CloudStack resource tags, since CloudStack has
/// no such fields: metadata item `i` is `<prefix>.<i>.k` (its key) plus `<prefix>.<i>.<n>` (255-character
/// chunks of its value, CloudStack's tag value limit); network tags are `gce-tags`; labels are plain tags whose
/// key does not start with `gce-`.
enum MetadataTags {
    static let instancePrefix = "gce-md"
    static let projectPrefix = "gce-pmd"
    static let chunk = 255

    /// Tags for metadata items.
    static func tags(for items: [(key: String, value: String)], prefix: String) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for (index, item) in items.enumerated() {
            out.append(("\(prefix).\(index).k", item.key))
            var part = ""
            var number = 0
            for character in item.value {
                if part.count == chunk {
                    out.append(("\(prefix).\(index).\(number)", part))
                    number += 1
                    part = ""
                }
                part.append(character)
            }
            if !part.isEmpty { out.append(("\(prefix).\(index).\(number)", part)) }
        }
        return out
    }

    /// Metadata items rebuilt from tags, in item order.
    static func metadata(_ tags: [CloudStack.Tag], prefix: String) -> MetadataItems {
        var keys: [Int: String] = [:]
        var chunks: [Int: [Int: String]] = [:]
        for tag in tags {
            guard let key = tag.key, key.hasPrefix(prefix + ".") else { continue }
            let parts = key.dropFirst(prefix.count + 1).split(separator: ".")
            guard parts.count == 2, let index = Int(parts[0]) else { continue }
            if parts[1] == "k" {
                keys[index] = tag.value ?? ""
            } else if let number = Int(parts[1]) {
                chunks[index, default: [:]][number] = tag.value ?? ""
            }
        }
        let items = keys.keys.sorted().compactMap { index -> (key: String, value: String)? in
            guard let key = keys[index] else { return nil }
            let value = (chunks[index] ?? [:]).sorted { $0.key < $1.key }.map(\.value).joined()
            return (key, value)
        }
        return MetadataItems(items)
    }

    /// The metadata tag keys on a resource (to delete before writing new ones).
    static func metadataKeys(_ tags: [CloudStack.Tag], prefix: String) -> [String] {
        tags.compactMap(\.key).filter { $0.hasPrefix(prefix + ".") }
    }

    /// Labels: tags whose key does not start with `gce-`.
    static func labels(_ tags: [CloudStack.Tag]) -> [(key: String, value: String)] {
        tags.compactMap { tag in
            guard let key = tag.key, !key.hasPrefix("gce-") else { return nil }
            return (key, tag.value ?? "")
        }.sorted { $0.key < $1.key }
    }

    /// Network tags (`tags.items`), kept comma-separated in `gce-tags`.
    static func networkTags(_ tags: [CloudStack.Tag]) -> [String] {
        guard let value = tags.first(where: { $0.key == "gce-tags" })?.value, !value.isEmpty else { return [] }
        return value.split(separator: ",").map(String.init)
    }

    /// The GCE `description`, kept in `gce-description`.
    static func description(_ tags: [CloudStack.Tag]) -> String? {
        tags.first { $0.key == "gce-description" }?.value
    }
}
