/// Where an operation lives: zonal, regional or global.
public enum OperationScope: Sendable, Equatable {
    /// `zones/<zone>/operations`.
    case zone(String)
    /// `regions/<region>/operations`.
    case region(String)
    /// `global/operations`.
    case global
}
