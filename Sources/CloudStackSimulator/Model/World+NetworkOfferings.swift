import JSON

/// The guest network offerings a fresh CloudStack 4.18 ships that this simulator honours: isolated
/// networks with source NAT, and VPC tiers (`forvpc` true; createNetwork takes it only with a `vpcid`).
struct NetworkOfferingRow: Sendable {
    let id: String
    let name: String
    let displayText: String
    let forVPC: Bool
}

extension World {
    /// The offerings createNetwork accepts, in CloudStack's listing order.
    var guestNetworkOfferings: [NetworkOfferingRow] {
        [
            NetworkOfferingRow(
                id: isolatedNetworkOfferingID, name: "DefaultIsolatedNetworkOfferingWithSourceNatService",
                displayText: "Offering for Isolated networks with Source Nat service enabled", forVPC: false),
            NetworkOfferingRow(
                id: vpcTierNetworkOfferingID, name: "DefaultIsolatedNetworkOfferingForVpcNetworks",
                displayText: "Offering for Isolated VPC networks with Source Nat service enabled", forVPC: true),
        ]
    }

    /// The offering row behind a network (the shared SG offering is not listed: it is the Basic zone's).
    func offeringName(of network: Network) -> (name: String, displayText: String) {
        if network.type == "Shared" {
            return ("DefaultSharedNetworkOfferingWithSGService", "Offering for Shared Security group enabled networks")
        }
        let row = guestNetworkOfferings.first { $0.id == network.networkOfferingID } ?? guestNetworkOfferings[0]
        return (row.name, row.displayText)
    }

    /// One `networkoffering` object as listNetworkOfferings writes it.
    func writeNetworkOffering(_ row: NetworkOfferingRow, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", row.id)
        w.member("name", row.name)
        w.member("displaytext", row.displayText)
        w.member("traffictype", "Guest")
        w.member("isdefault", true)
        w.member("specifyvlan", false)
        w.member("conservemode", !row.forVPC)
        w.member("specifyipranges", false)
        w.member("availability", row.forVPC ? "Optional" : "Required")
        w.member("networkrate", 200)
        w.member("state", "Enabled")
        w.member("guestiptype", "Isolated")
        w.member("forvpc", row.forVPC)
        w.member("ispersistent", false)
        w.member("egressdefaultpolicy", !row.forVPC)
        w.member("supportsstrechedl2subnet", false)
        w.member("supportspublicaccess", false)
        w.member("internetprotocol", "IPv4")
        w.endObject()
    }
}
