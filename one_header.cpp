#include <awsjson/swf/untag_resource.hpp>
