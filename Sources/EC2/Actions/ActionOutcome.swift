/// A finished action's view model, bound to its template: the `call` phase's output.
public struct ActionOutcome: Sendable {
    /// Renders the whole response document with the request id.
    let render: @Sendable (String) -> [UInt8]
}
