/// How much seed data to create beyond the fixed cloud (zones, offerings, templates, accounts).
public struct SeedData: Sendable, Equatable {
    /// Normal (non-admin) accounts, named `user1`, `user2`, …
    public var userAccounts: Int
    /// Running VMs created per normal account.
    public var vmsPerAccount: Int
    /// Extra data volumes per normal account (Allocated, not attached).
    public var volumesPerAccount: Int
    /// Tags per seeded VM (`key0=value0`, …).
    public var tagsPerVM: Int

    /// Creates a seed-data description.
    public init(userAccounts: Int = 2, vmsPerAccount: Int = 0, volumesPerAccount: Int = 0, tagsPerVM: Int = 0) {
        self.userAccounts = userAccounts
        self.vmsPerAccount = vmsPerAccount
        self.volumesPerAccount = volumesPerAccount
        self.tagsPerVM = tagsPerVM
    }

    /// The small demo cloud: two user accounts with two tagged VMs and one spare volume each.
    public static let demo = SeedData(userAccounts: 2, vmsPerAccount: 2, volumesPerAccount: 1, tagsPerVM: 1)
    /// Accounts only, no VMs or volumes.
    public static let empty = SeedData(userAccounts: 2)
}
