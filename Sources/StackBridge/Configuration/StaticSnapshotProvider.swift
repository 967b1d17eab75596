import Configuration

/// A provider over one snapshot that never changes: the YAML file as read at start.
///
/// swift-configuration's `FileProvider` reads its file in an `async` initialiser; loading is
/// synchronous here so `check-config` and start-up can run before any executor exists.
struct StaticSnapshotProvider: ConfigProvider {
    private let base: any ConfigSnapshot

    init(_ snapshot: any ConfigSnapshot) {
        self.base = snapshot
    }

    var providerName: String { base.providerName }

    func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        try base.value(forKey: key, type: type)
    }

    // swift-configuration is built with NonisolatedNonsendingByDefault, so its async requirements
    // run on the caller's executor; the witnesses must say the same.
    nonisolated(nonsending) func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        try base.value(forKey: key, type: type)
    }

    nonisolated(nonsending) func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey,
        type: ConfigType,
        updatesHandler: nonisolated(nonsending) (ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
    }

    func snapshot() -> any ConfigSnapshot {
        base
    }

    nonisolated(nonsending) func watchSnapshot<Return: ~Copyable>(
        updatesHandler: nonisolated(nonsending) (ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
    }
}
