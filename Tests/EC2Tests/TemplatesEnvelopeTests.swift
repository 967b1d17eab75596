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

    @Test func errorDocumentHasCodeMessageAndRequestIDEscaped() {
        let bytes = ResponseEnvelope.error(code: "InvalidInstanceID.NotFound", message: "The instance ID 'i-1<2>' does not exist", requestID: "r&1")
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code>"
                + "<Message>The instance ID &apos;i-1&lt;2&gt;&apos; does not exist</Message></Error></Errors>"
                + "<RequestID>r&amp;1</RequestID></Response>")
    }

    @Test(arguments: ["", "1Start", "Describe Instances", "A<b", "Ä"])
    func actionNamesThatCannotBeElementNamesAreRejected(action: String) {
        let compiler = TemplateCompiler(templates: ["actions/\(action)": ""])
        #expect(throws: TemplateError.self) { try compiler.compileAction(action, as: TemplatesBox.self) }
    }
}
