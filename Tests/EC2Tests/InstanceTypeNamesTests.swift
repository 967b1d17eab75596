import Testing

@testable import EC2

/// EC2 type names derived from offering names: the ASCII fast path agrees with the Unicode path.
@Suite struct InstanceTypeNamesTests {
    @Test(arguments: [
        ("Small Instance", "cs.small-instance"), ("  Big__Box 2 ", "cs.big-box-2"), ("Medium", "cs.medium"), ("--x--", "cs.x"),
        ("", "cs."), ("A.B.C", "cs.a-b-c"), ("m1.LARGE", "cs.m1-large"),
    ])
    func asciiNames(_ name: String, _ expected: String) {
        #expect(InstanceTypeNames.derived(name) == expected)
        #expect(InstanceTypeNames.derivedASCII(name) == InstanceTypeNames.derivedUnicode(name))
    }

    @Test func nonASCIINamesGoThroughUnicodeLowerCasing() {
        #expect(InstanceTypeNames.derivedASCII("Größe XL") == nil)
        #expect(InstanceTypeNames.derived("Größe XL") == "cs.gr-e-xl")
        // KELVIN SIGN lower-cases to an ASCII "k".
        #expect(InstanceTypeNames.derived("\u{212A}2") == "cs.k2")
    }

    @Test func configuredNamesWinInNameOrder() {
        let names = InstanceTypeNames(configured: ["t3.micro": "Small Instance", "a1.micro": "Small Instance", "m5.large": "off-2"])
        #expect(names.name(offeringID: "off-1", offeringName: "Small Instance") == "a1.micro")
        #expect(names.name(offeringID: "off-2", offeringName: "Other") == "m5.large")
        #expect(names.name(offeringID: "off-3", offeringName: "Other Thing") == "cs.other-thing")
    }
}
