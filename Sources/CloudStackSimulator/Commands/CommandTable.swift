/// Every command the simulator implements, by exact (case-sensitive) name, as `apiNameCmdClassMap` is.
enum CommandTable {
    /// All commands.
    static let list: [Command] =
        VirtualMachineCommands.all + CatalogCommands.all + TemplateCommands.all + VolumeCommands.all + SnapshotCommands.all
        + TagCommands.all + SSHKeyPairCommands.all + SecurityGroupCommands.all + NetworkCommands.all + PublicIPCommands.all
        + AccountCommands.all + AsyncJobCommands.all + ScaleCommands.all + NetworkACLCommands.all + StaticRouteCommands.all
        + VpnCustomerGatewayCommands.all + VpnGatewayCommands.all + AffinityGroupCommands.all
        + NicCommands.all + NetworkUpdateCommands.all + InstanceGroupCommands.all + VpnConnectionCommands.all
        + ResourceDetailCommands.all

    /// Commands by name.
    static let commands: [String: Command] = {
        var table: [String: Command] = [:]
        for command in list { table[command.name] = command }
        return table
    }()
}
