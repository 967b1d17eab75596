import CloudStack

/// CloudStack commands the EC2 actions need beyond the shared `CommandTable`, typed the same way
/// (names and result objects as in listApis.json).
enum EC2Commands {
    /// `listTemplatePermissions`: object `templatepermission`.
    static let listTemplatePermissions = ObjectCommand<TemplatePermission>("listTemplatePermissions", object: "templatepermission")
    /// `updateTemplatePermissions`: inline success.
    static let updateTemplatePermissions = InlineCommand<SuccessResult>("updateTemplatePermissions")
    /// `updateTemplate`: object `template` (name, display text, flags of the caller's own template).
    static let updateTemplate = ObjectCommand<Template>("updateTemplate", object: "template")
    /// `changeServiceForVirtualMachine`: object `virtualmachine` (the VM must be stopped).
    static let changeServiceForVirtualMachine = ObjectCommand<VirtualMachine>("changeServiceForVirtualMachine", object: "virtualmachine")
}

extension EC2Commands {
    /// `scaleVirtualMachine`: async, job result success (the VM keeps running if its offering allows dynamic scaling).
    static let scaleVirtualMachine = AsyncCommand<SuccessResult>("scaleVirtualMachine", jobResult: nil)
}
