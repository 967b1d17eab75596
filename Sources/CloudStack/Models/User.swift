// Generated from listApis.json (CloudStack 4.18) by the field list in docs/cloudstack-client.md; wire names verbatim.
public import JSON

/// A user (`user` in listUsers and getUser).
public struct User: CloudStackDecodable, Equatable {
    /// `account`: the account name of the user
    public var account: String?
    /// `accountid`: the account ID of the user
    public var accountid: String?
    /// `accounttype`: the account type of the user
    public var accounttype: Int64?
    /// `apikey`: the api key of the user
    public var apikey: String?
    /// `created`: the date and time the user account was created
    public var created: String?
    /// `domain`: the domain name of the user
    public var domain: String?
    /// `domainid`: the domain ID of the user
    public var domainid: String?
    /// `email`: the user email address
    public var email: String?
    /// `firstname`: the user firstname
    public var firstname: String?
    /// `id`: the user ID
    public var id: String?
    /// `is2faenabled`: true if user has two factor authentication enabled
    public var is2faenabled: Bool?
    /// `is2famandated`: true if user has two factor authentication is mandated
    public var is2famandated: Bool?
    /// `iscallerchilddomain`: the boolean value representing if the updating target is in caller's child domain
    public var iscallerchilddomain: Bool?
    /// `isdefault`: true if user is default, false otherwise
    public var isdefault: Bool?
    /// `jobid`: the UUID of the latest async job acting on this object
    public var jobid: String?
    /// `jobstatus`: the current status of the latest async job acting on this object
    public var jobstatus: Int64?
    /// `lastname`: the user lastname
    public var lastname: String?
    /// `roleid`: the ID of the role
    public var roleid: String?
    /// `rolename`: the name of the role
    public var rolename: String?
    /// `roletype`: the type of the role
    public var roletype: String?
    /// `secretkey`: the secret key of the user
    public var secretkey: String?
    /// `state`: the user state
    public var state: String?
    /// `timezone`: the timezone user was created in
    public var timezone: String?
    /// `username`: the user name
    public var username: String?
    /// `usersource`: the source type of the user in lowercase, such as native, ldap, saml2
    public var usersource: String?

    /// Creates a value with every field absent.
    public init() {}
}

extension User {
    /// Decodes one `User` object, skipping unknown fields.
    public static func decode(from reader: inout JSONReader) throws(JSONError) -> Self {
        var value = Self()
        try decodeMembers(into: &value, from: &reader)
        return value
    }

    /// Reads the members into `value`; separate from `decode` so the result is moved, not copied.
    static func decodeMembers(into value: inout Self, from reader: inout JSONReader) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            // Grouping by length first keeps each lookup to a few byte comparisons.
            switch key.byteCount {
            case 2:
                switch key {
                case "id": value.id = try reader.text()
                default: try reader.skip()
                }
            case 5:
                switch key {
                case "email": value.email = try reader.text()
                case "jobid": value.jobid = try reader.text()
                case "state": value.state = try reader.text()
                default: try reader.skip()
                }
            case 6:
                switch key {
                case "apikey": value.apikey = try reader.text()
                case "domain": value.domain = try reader.text()
                case "roleid": value.roleid = try reader.text()
                default: try reader.skip()
                }
            case 7:
                switch key {
                case "account": value.account = try reader.text()
                case "created": value.created = try reader.text()
                default: try reader.skip()
                }
            case 8:
                switch key {
                case "domainid": value.domainid = try reader.text()
                case "lastname": value.lastname = try reader.text()
                case "rolename": value.rolename = try reader.text()
                case "roletype": value.roletype = try reader.text()
                case "timezone": value.timezone = try reader.text()
                case "username": value.username = try reader.text()
                default: try reader.skip()
                }
            case 9:
                switch key {
                case "accountid": value.accountid = try reader.text()
                case "firstname": value.firstname = try reader.text()
                case "isdefault": value.isdefault = try reader.flag()
                case "jobstatus": value.jobstatus = try reader.integer()
                case "secretkey": value.secretkey = try reader.text()
                default: try reader.skip()
                }
            case 10:
                switch key {
                case "usersource": value.usersource = try reader.text()
                default: try reader.skip()
                }
            case 11:
                switch key {
                case "accounttype": value.accounttype = try reader.integer()
                default: try reader.skip()
                }
            case 12:
                switch key {
                case "is2faenabled": value.is2faenabled = try reader.flag()
                default: try reader.skip()
                }
            case 13:
                switch key {
                case "is2famandated": value.is2famandated = try reader.flag()
                default: try reader.skip()
                }
            case 19:
                switch key {
                case "iscallerchilddomain": value.iscallerchilddomain = try reader.flag()
                default: try reader.skip()
                }
            default: try reader.skip()
            }
        }
    }

    /// The wire names this model reads, for table tests against listApis.json.
    package static let wireFieldNames: [String] = [
        "account", "accountid", "accounttype", "apikey", "created", "domain",
        "domainid", "email", "firstname", "id", "is2faenabled", "is2famandated",
        "iscallerchilddomain", "isdefault", "jobid", "jobstatus", "lastname", "roleid",
        "rolename", "roletype", "secretkey", "state", "timezone", "username",
        "usersource",
    ]
}
