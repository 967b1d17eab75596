import EC2
import Testing

@Suite struct TemplatesEnvelopeTests {
    @Test func successEnvelopeWrapsTheBodyWithNamespaceAndEscapedRequestID() throws {
        let compiler = TemplateCompiler(templates: ["actions/StartInstances": "<x>{{title}}</x>"])
        let template = try compiler.compileAction("StartInstances", as: TemplatesBox.self)
        let bytes = template.render(TemplatesBox(title: "v"), requestID: "req-1<&>")
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<StartInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>req-1&lt;&amp;&gt;</requestId><x>v</x></StartInstancesResponse>")
    }

    @Test func successEnvelopeAppendsToAReusedBuffer() throws {
        let compiler = TemplateCompiler(templates: ["actions/Ping": ""])
        let template = try compiler.compileAction("Ping", as: TemplatesBox.self)
        var out = Array("prefix".utf8)
        template.render(TemplatesBox(), requestID: "r", into: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("prefix<?xml"))
        #expect(text.hasSuffix("<requestId>r</requestId></PingResponse>"))
    }

    @Test(arguments: ["", "1Start", "Describe Instances", "A<b", "Ä"])
    func actionNamesThatCannotBeElementNamesAreRejected(action: String) {
        let compiler = TemplateCompiler(templates: ["actions/\(action)": ""])
        #expect(throws: TemplateError.self) { try compiler.compileAction(action, as: TemplatesBox.self) }
    }
}
