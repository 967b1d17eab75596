/// The small HTML page of the authorization endpoint: the person confirms with their API key and secret key.
enum AuthorizationPage {
    /// The sign-in and consent form; every carried parameter goes back in a hidden field.
    static func form(clientID: String, carried: [(String, String)], message: String? = nil) -> [UInt8] {
        var html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>StackBridge: allow access</title>
            <meta name="viewport" content="width=device-width"></head><body>
            <h1>Allow access to your CloudStack account?</h1>
            <p>An application using API key <code>\(escape(clientID))</code> asks to manage your compute resources
            through StackBridge's GCE API. Sign in with your CloudStack API key and secret key to allow it.</p>
            """
        if let message { html += "<p role=\"alert\"><strong>\(escape(message))</strong></p>" }
        html += "<form method=\"post\">"
        for (name, value) in carried {
            html += "<input type=\"hidden\" name=\"\(escape(name))\" value=\"\(escape(value))\">"
        }
        html += """
            <label>API key <input name="api_key" value="\(escape(clientID))" autocomplete="username"></label><br>
            <label>Secret key <input name="secret_key" type="password" autocomplete="current-password"></label><br>
            <button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button>
            </form></body></html>
            """
        return Array(html.utf8)
    }

    /// The out-of-band page (`urn:ietf:wg:oauth:2.0:oob`): the person copies the code into the application.
    static func code(_ code: String) -> [UInt8] {
        Array(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>StackBridge: authorization code</title></head><body><h1>Copy this code into your application</h1><p><textarea readonly rows=\"6\" cols=\"80\">\(escape(code))</textarea></p></body></html>"
                .utf8)
    }

    /// A page for requests that cannot be redirected (bad client or redirect URI).
    static func failure(_ message: String) -> [UInt8] {
        Array(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>StackBridge: error</title></head><body><h1>Authorization error</h1><p>\(escape(message))</p></body></html>"
                .utf8)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
