/// CloudStack reads one request runs side by side, a few at a time: the results in the order of their inputs, the
/// first failure (in input order) thrown once the batch it was in has ended.
enum ConcurrentReads {
    /// How many reads one request runs at a time.
    static let width = 8

    /// `read` of each of `inputs`, at most `width` at a time, in the order of `inputs`.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], read: @escaping @Sendable (Input) async throws(EC2Error) -> Output
    ) async throws(EC2Error) -> [Output] {
        var results: [Output] = []
        results.reserveCapacity(inputs.count)
        var start = 0
        while start < inputs.count {
            let batch = inputs[start..<min(inputs.count, start + width)]
            start += batch.count
            let outcomes = await withTaskGroup(of: (Int, Result<Output, EC2Error>).self) { group in
                for (index, input) in batch.enumerated() {
                    // One call of a non-throwing function: a typed `do`/`catch` returning the tuple here came out
                    // of a release build with a garbage index (docs/notes/swift-release-pitfalls.md).
                    group.addTask { await numbered(index, input, read: read) }
                }
                var collected: [(Int, Result<Output, EC2Error>)] = []
                for await outcome in group { collected.append(outcome) }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
            for outcome in outcomes { results.append(try outcome.get()) }
        }
        return results
    }

    /// One read with its index, its failure as a value.
    private static func numbered<Input, Output>(
        _ index: Int, _ input: Input, read: @Sendable (Input) async throws(EC2Error) -> Output
    ) async -> (Int, Result<Output, EC2Error>) {
        do {
            return (index, .success(try await read(input)))
        } catch {
            return (index, .failure(error))
        }
    }
}
