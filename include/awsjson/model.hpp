// The vocabulary of model headers, what a generated (or hand-written) model needs and no more:
// Boost.Describe, the metadata, open enums, timestamps, blobs, documents, tagged unions and the
// redacting printer. No decoder, encoder or validator: those come with awsjson/awsjson.hpp (or,
// compiled elsewhere, awsjson/compiled.hpp).
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "blob.hpp"
#include "describe.hpp"
#include "document.hpp"
#include "enum.hpp"
#include "indirect.hpp"
#include "metadata.hpp"
#include "open_enum.hpp"
#include "pagination.hpp"
#include "print.hpp"
#include "tagged_union.hpp"
#include "timestamp.hpp"
