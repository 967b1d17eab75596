import EC2
import Foundation
import Testing

@Suite struct PageTokenTests {
    static let codec = PageTokenCodec(secret: Array("0123456789abcdef0123456789abcdef".utf8))

    @Test(arguments: [
        PagePosition(offset: 0), PagePosition(offset: 1000, afterKey: "i-43791f77"), PagePosition(offset: 7, afterKey: ""),
        PagePosition(offset: Int.max, afterKey: "ünï"),
    ])
    func roundTrip(position: PagePosition) throws {
        let token = Self.codec.encode(position, scope: "DescribeInstances|f=abc")
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        #expect(try Self.codec.decode(token, scope: "DescribeInstances|f=abc") == position)
    }

    @Test func everyChangedCharacterIsRefused() throws {
        let token = Self.codec.encode(PagePosition(offset: 42, afterKey: "k"), scope: "s")
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for index in token.indices {
            var characters = Array(token)
            let position = token.distance(from: token.startIndex, to: index)
            let replacement = alphabet.first { $0 != characters[position] } ?? "A"
            characters[position] = replacement
            let tampered = String(characters)
            #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(tampered, scope: "s") }
        }
    }

    @Test func foreignScopeSecretAndGarbageAreRefused() {
        let token = Self.codec.encode(PagePosition(offset: 5), scope: "DescribeInstances")
        #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(token, scope: "DescribeVolumes") }
        let other = PageTokenCodec(secret: Array("fedcba9876543210fedcba9876543210".utf8))
        #expect(throws: EC2Error.invalidNextToken()) { try other.decode(token, scope: "DescribeInstances") }
        for garbage in ["", "abc", "!!!!", String(repeating: "A", count: 5000), token + "A", String(token.dropLast())] {
            #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(garbage, scope: "DescribeInstances") }
        }
        #expect(throws: EC2Error.invalidPaginationToken()) {
            try Self.codec.decode("x", scope: "DescribeInstances", error: .invalidPaginationToken())
        }
    }

    @Test func maxResultsBounds() throws {
        #expect(try MaxResults.validate(nil) == nil)
        #expect(try MaxResults.validate(5) == 5)
        #expect(try MaxResults.validate(1000) == 1000)
        #expect(throws: EC2Error.self) { try MaxResults.validate(4) }
        #expect(throws: EC2Error.self) { try MaxResults.validate(1001) }
        #expect(throws: EC2Error.self) { try MaxResults.validate(0, range: 1...100) }
        do {
            _ = try MaxResults.validate(4)
        } catch {
            #expect(error.code == "InvalidParameterValue")
            #expect(error.message.contains("MaxResults"))
        }
    }
}
