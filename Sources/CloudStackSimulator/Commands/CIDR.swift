/// IPv4 CIDR validation (`NetUtils.isValidIp4Cidr`).
enum CIDR {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits) else { return false }
        return isValidAddress(String(parts[0]))
    }

    static func isValidAddress(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { o in Int(o).map { (0...255).contains($0) && o.count <= 3 } ?? false }
    }
}
