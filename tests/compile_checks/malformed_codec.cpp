// A codec<T> whose decode has the wrong signature (returns void): decoding a T must fail to
// compile with awsjson's diagnostic, not an error deep inside the decoder.
#include <awsjson/awsjson.hpp>

struct Meters {
  double value = 0;
};

template <>
struct awsjson::codec<Meters> {
  static void decode(simdjson::ondemand::value&, Meters&, awsjson::decode_context&) {}
  static bool encode(awsjson::encode_context& ctx, Meters const& x) { return awsjson::encode_value(ctx, x.value); }
};

int main() {
  Meters m;
  return awsjson::decode_into("1", m) ? 1 : 0;
}
