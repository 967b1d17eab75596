import Testing

/// The parent suite of every integration suite; they run one test at a time because they share two
/// cores with the other test targets, and the timing-sensitive ones (idle eviction, queue deadline,
/// job polling) need the CPU they ask for.
@Suite(.serialized) struct IntegrationTests {}
