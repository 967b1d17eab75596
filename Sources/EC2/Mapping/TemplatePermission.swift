import CloudStack
import JSON

/// CloudStack's `templatepermission` object (listTemplatePermissions): public flag and the accounts allowed.
struct TemplatePermission: CloudStackDecodable, Equatable {
    /// `id`: the template id.
    var id: String?
    /// `ispublic`: whether every account may launch it.
    var ispublic: Bool?
    /// `account`: the account names it is shared with.
    var account: [String] = []

    /// Creates an empty value.
    init() {}

    /// Decodes one object, skipping unknown fields.
    static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            if key.matches("id") {
                value.id = try reader.text()
            } else if key.matches("ispublic") {
                value.ispublic = try reader.flag()
            } else if key.matches("account") {
                value.account = try reader.texts()
            } else {
                try reader.skip()
            }
        }
        return value
    }
}
