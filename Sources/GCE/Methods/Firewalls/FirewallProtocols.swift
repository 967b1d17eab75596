import CloudStack

/// `allowed[].IPProtocol` and `ports` and what a CloudStack security-group rule makes of them: `protocol`
/// `tcp`/`udp`/`icmp`/`all` or an IP protocol number (SecurityGroupManagerImpl takes 0-255), `startport`/`endport`
/// for TCP and UDP (every port: 0-65535), ICMP as every type and code (-1/-1); a protocol number takes the port
/// range 0-0 (every port) that CloudStack insists on.
enum FirewallProtocols {
    /// GCE's protocol names and their IP protocol numbers.
    static let numbers: [(name: String, number: Int)] = [
        ("icmp", 1), ("ipip", 4), ("tcp", 6), ("udp", 17), ("esp", 50), ("ah", 51), ("sctp", 132),
    ]

    /// One CloudStack rule shape: the protocol parameter and, for TCP/UDP, one port range.
    struct Traffic: Sendable, Equatable {
        var cloudStackProtocol: String
        var ports: ClosedRange<Int>?

        /// The `authorizeSecurityGroup*` parameters of this shape.
        var parameters: [(String, String)] {
            switch cloudStackProtocol {
            case "icmp": return [("protocol", "icmp"), ("icmptype", "-1"), ("icmpcode", "-1")]
            case "tcp", "udp":
                let range = ports ?? 0...65535
                return [("protocol", cloudStackProtocol), ("startport", String(range.lowerBound)), ("endport", String(range.upperBound))]
            case "all": return [("protocol", "all")]
            // SecurityGroupManagerImpl asks a protocol number for a port range too; 0-0 is every port.
            default: return [("protocol", cloudStackProtocol), ("startport", "0"), ("endport", "0")]
            }
        }

        /// The `createNetworkACL` parameters of this shape: NetworkACLServiceImpl takes ports for TCP and UDP only (none:
        /// every port), ICMP as every type and code.
        var aclParameters: [(String, String)] {
            switch cloudStackProtocol {
            case "icmp": return [("protocol", "icmp"), ("icmptype", "-1"), ("icmpcode", "-1")]
            case "tcp", "udp":
                guard let ports else { return [("protocol", cloudStackProtocol)] }
                return [("protocol", cloudStackProtocol), ("startport", String(ports.lowerBound)), ("endport", String(ports.upperBound))]
            default: return [("protocol", cloudStackProtocol)]
            }
        }

        /// Whether an existing rule carries exactly this traffic (CloudStack keeps one rule per traffic and source).
        func matches(_ rule: SecurityGroupRule) -> Bool {
            guard rule.protocol?.lowercased() == cloudStackProtocol else { return false }
            switch cloudStackProtocol {
            case "icmp": return rule.icmptype == -1 && rule.icmpcode == -1
            case "tcp", "udp":
                let range = ports ?? 0...65535
                return rule.startport == Int64(range.lowerBound) && rule.endport == Int64(range.upperBound)
            default: return true
            }
        }
    }

    /// Reads one `allowed[]` entry; 400 naming the member for an unknown protocol, a malformed port or ports on a
    /// protocol CloudStack cannot limit by port.
    static func match(_ item: BodyValue, at path: String) throws(GCEError) -> Firewall.Match {
        guard case .object = item else { throw GCEError.invalid("Invalid value for field '\(path)': must be an object") }
        let written = try item.requiredString("IPProtocol", at: "\(path).IPProtocol")
        let ports = try item.strings("ports", at: "\(path).ports")
        let match = Firewall.Match(ipProtocol: written, ports: ports)
        let name = try cloudStackProtocol(written, at: "\(path).IPProtocol")
        if !ports.isEmpty {
            guard name == "tcp" || name == "udp" || name == "132" else {
                throw GCEError.invalid("Invalid value for field '\(path).ports': ports are only allowed for tcp, udp and sctp")
            }
            guard name != "132" else {
                throw GCEError.invalid(
                    "Invalid value for field '\(path).ports': sctp ports are not supported (a CloudStack rule for protocol 132 "
                        + "covers every port)")
            }
            var seen: [ClosedRange<Int>] = []
            for (index, text) in ports.enumerated() {
                guard let range = portRange(text) else {
                    throw GCEError.invalid("Invalid value for field '\(path).ports[\(index)]': '\(text.prefix(32))'")
                }
                guard !seen.contains(range) else {
                    throw GCEError.invalid("Invalid value for field '\(path).ports[\(index)]': '\(text.prefix(32))' is listed twice")
                }
                seen.append(range)
            }
        }
        return match
    }

    /// The CloudStack `protocol` for a GCE `IPProtocol` (`tcp`, `udp`, `icmp`, `all` or a number's text).
    static func cloudStackProtocol(_ written: String, at path: String) throws(GCEError) -> String {
        if written == "all" { return "all" }
        let number: Int
        if let known = numbers.first(where: { $0.name == written }) {
            number = known.number
        } else if written.utf8.count <= 3, written.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(written), value <= 255,
            written == String(value)
        {
            number = value
        } else {
            throw GCEError.invalid("Invalid value for field '\(path)': '\(written.prefix(32))'")
        }
        switch number {
        case 1: return "icmp"
        case 6: return "tcp"
        case 17: return "udp"
        default: return String(number)
        }
    }

    /// `"80"` or `"8000-8080"` within 0-65535, low end first; nil for anything else.
    static func portRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, let low = port(parts[0]) else { return nil }
        guard parts.count == 2 else { return low...low }
        guard let high = port(parts[1]), low <= high else { return nil }
        return low...high
    }

    private static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text),
            value <= 65535
        else { return nil }
        return value
    }

    /// The CloudStack rule shapes of a validated `allowed[]` entry: one per port range, or one for every port.
    static func traffic(of match: Firewall.Match) -> [Traffic] {
        let name = (try? cloudStackProtocol(match.ipProtocol, at: "")) ?? match.ipProtocol
        guard !match.ports.isEmpty else { return [Traffic(cloudStackProtocol: name, ports: nil)] }
        return match.ports.compactMap { portRange($0) }.map { Traffic(cloudStackProtocol: name, ports: $0) }
    }

    /// The layout tag's text: `tcp:22,80-90 icmp` (protocols and ports contain neither spaces nor colons).
    static func encode(_ allowed: [Firewall.Match]) -> String {
        allowed.map { $0.ports.isEmpty ? $0.ipProtocol : $0.ipProtocol + ":" + $0.ports.joined(separator: ",") }
            .joined(separator: " ")
    }

    /// The `allowed[]` list a layout tag records.
    static func decode(_ text: String) -> [Firewall.Match] {
        text.split(separator: " ").map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1)
            let ports = parts.count == 2 ? parts[1].split(separator: ",").map(String.init) : []
            return Firewall.Match(ipProtocol: String(parts[0]), ports: ports)
        }
    }
}

/// `sourceRanges` / `destinationRanges` as CloudStack CIDRs: an IPv4 CIDR as written, a bare address as `/32`.
enum FirewallRanges {
    /// The CIDR CloudStack takes for a GCE range, or nil when it is not IPv4 (`NetUtils.isValidIp4Cidr`).
    static func cloudStackCIDR(_ range: String) -> String? {
        let parts = range.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard isAddress(parts[0]) else { return nil }
        guard parts.count == 2 else { return range + "/32" }
        guard parts[1].utf8.count <= 2, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let bits = Int(parts[1]), bits <= 32
        else { return nil }
        return range
    }

    private static func isAddress(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                !octet.isEmpty && octet.utf8.count <= 3 && octet.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && (Int(octet) ?? 256) <= 255
            }
    }
}
