// app::ImageProcessor over libgd: decodes JPEG or PNG by content and re-encodes a bounded JPEG and
// a thumbnail (so that what is stored and served is always a small, clean JPEG).
#pragma once
#include "app/ports/store.h"

namespace dvld::media {

class GdImageProcessor final : public app::ImageProcessor {
 public:
  static constexpr int kFullSide = 800;
  static constexpr int kThumbSide = 160;
  core::Result<app::Photo> Process(std::string_view bytes) override;
};

}  // namespace dvld::media
