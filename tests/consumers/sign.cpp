// A program that signs a request: awsjson::sigv4 brings OpenSSL's libcrypto along.
#include <awsjson/sigv4.hpp>

#include <chrono>
#include <cstdio>

int main() {
  awsjson::http_request request;
  request.method = "POST";
  request.path = "/";
  request.body = "{}";
  awsjson::sigv4::credentials creds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
  auto steps = awsjson::sigv4::sign(request, "ssm.us-east-1.amazonaws.com", creds, {"us-east-1", "ssm"},
                                    std::chrono::sys_seconds(std::chrono::seconds(1440938160)));
  std::printf("%s\n", steps.signature.c_str());
  return request.header("Authorization").empty() ? 1 : 0;
}
