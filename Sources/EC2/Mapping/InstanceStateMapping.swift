/// CloudStack VM states to EC2 instance states.
///
/// `Destroyed` is terminated from the user's side: the VM no longer runs and CloudStack hides it
/// from users. Transitional and failure states map to the nearest EC2 state rather than nothing
/// (ec2stack rendered an empty state for them).
enum InstanceStateMapping {
    /// The EC2 state of a CloudStack VM state.
    static func ec2State(_ state: String?) -> InstanceStateView {
        switch state ?? "" {
        case "Starting": .pending
        case "Running", "Migrating": .running
        case "Stopping": .stopping
        case "Stopped", "Shutdown", "Shutdowned", "Error", "Unknown": .stopped
        case "Destroyed", "Expunging": .terminated
        default: .pending
        }
    }

    /// The CloudStack states that are one EC2 state (for pushing `instance-state-name` down).
    static func cloudStackStates(_ name: String) -> [String] {
        switch name {
        case "pending": ["Starting"]
        case "running": ["Running", "Migrating"]
        case "stopping": ["Stopping"]
        case "stopped": ["Stopped", "Shutdown", "Error"]
        case "terminated", "shutting-down": ["Destroyed", "Expunging"]
        default: []
        }
    }
}
