/// A decoded action waiting for its context: the `decode` phase's output.
public struct PreparedAction: Sendable {
    /// Runs the action.
    let run: @Sendable (ActionContext) async throws -> ActionOutcome
}
