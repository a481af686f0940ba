#include "media/gd_image_processor.h"

#include <gd.h>

#include <algorithm>
#include <memory>

namespace dvld::media {
namespace {

struct ImageDeleter {
  void operator()(gdImagePtr im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

core::Error NotAnImage() {
  return core::Error::Invalid("photo", "image-format", "The photo must be a JPEG or PNG image.");
}

std::string EncodeJpeg(gdImagePtr im, int max_side) {
  const int w = gdImageSX(im), h = gdImageSY(im);
  const double scale = std::min(1.0, static_cast<double>(max_side) / std::max(w, h));
  const int nw = std::max(1, static_cast<int>(w * scale)), nh = std::max(1, static_cast<int>(h * scale));
  Image scaled(gdImageCreateTrueColor(nw, nh));
  // White behind transparent PNG pixels, since JPEG has no transparency.
  gdImageFilledRectangle(scaled.get(), 0, 0, nw, nh, gdTrueColor(255, 255, 255));
  gdImageCopyResampled(scaled.get(), im, 0, 0, 0, 0, nw, nh, w, h);
  int size = 0;
  void* data = gdImageJpegPtr(scaled.get(), &size, 85);
  std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
  gdFree(data);
  return out;
}

// Width and height from the file's header, read before decoding so that a small file declaring a
// huge picture (a decompression bomb) is refused without allocating it.
bool HeaderSize(const unsigned char* p, std::size_t n, bool png, int& w, int& h) {
  if (png) {
    if (n < 24) return false;
    w = (p[16] << 24) | (p[17] << 16) | (p[18] << 8) | p[19];
    h = (p[20] << 24) | (p[21] << 16) | (p[22] << 8) | p[23];
    return true;
  }
  for (std::size_t i = 2; i + 9 < n;) {
    if (p[i] != 0xff) return false;
    const unsigned char marker = p[i + 1];
    if (marker == 0xff) {
      ++i;
      continue;
    }
    const std::size_t len = (static_cast<std::size_t>(p[i + 2]) << 8) | p[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
      h = (p[i + 5] << 8) | p[i + 6];
      w = (p[i + 7] << 8) | p[i + 8];
      return true;
    }
    i += 2 + len;
  }
  return false;
}

}  // namespace

core::Result<app::Photo> GdImageProcessor::Process(std::string_view bytes) {
  if (bytes.size() < 8 || bytes.size() > 64 * 1024 * 1024) return NotAnImage();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const bool jpeg = p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff;
  const bool png = p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G';
  if (!jpeg && !png) return NotAnImage();
  int hw = 0, hh = 0;
  if (!HeaderSize(p, bytes.size(), png, hw, hh)) return NotAnImage();
  if (hw <= 0 || hh <= 0 || hw > 10000 || hh > 10000) {
    return core::Error::Invalid("photo", "max-size", "The photo is at most 10000 by 10000 pixels.");
  }
  void* data = const_cast<char*>(bytes.data());
  Image im(jpeg ? gdImageCreateFromJpegPtr(static_cast<int>(bytes.size()), data)
                : gdImageCreateFromPngPtr(static_cast<int>(bytes.size()), data));
  if (!im) return NotAnImage();
  const int w = gdImageSX(im.get()), h = gdImageSY(im.get());
  if (w < 50 || h < 50) return core::Error::Invalid("photo", "min-size", "The photo is at least 50 by 50 pixels.");
  if (w > 10000 || h > 10000) return core::Error::Invalid("photo", "max-size", "The photo is at most 10000 pixels wide.");
  app::Photo out;
  out.full_jpeg = EncodeJpeg(im.get(), kFullSide);
  out.thumb_jpeg = EncodeJpeg(im.get(), kThumbSide);
  return out;
}

}  // namespace dvld::media
