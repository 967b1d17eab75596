/// `custom-<cpus>-<memoryMb>`, GCE's custom machine type names, mapped to a customised CloudStack offering.
struct CustomMachineType: Sendable {
    let cpus: Int
    let memoryMb: Int

    init?(_ name: String) {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[0] == "custom", let cpus = Int(parts[1]), let memory = Int(parts[2]), cpus >= 1, memory >= 256
        else { return nil }
        self.cpus = cpus
        memoryMb = memory
    }
}
