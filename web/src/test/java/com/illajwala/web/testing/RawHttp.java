package com.illajwala.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A request written byte for byte on a socket of its own: for what no HTTP client would send. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole answer, until the server closes the connection or 5 s pass without a byte. */
    public static String exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | SocketException stopped) {
                // what arrived is what the caller judges
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
