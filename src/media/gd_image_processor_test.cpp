#include "media/gd_image_processor.h"

#include <gd.h>
#include <gtest/gtest.h>

namespace dvld::media {
namespace {

std::string Encode(int w, int h, bool png) {
  gdImagePtr im = gdImageCreateTrueColor(w, h);
  int size = 0;
  void* data = png ? gdImagePngPtr(im, &size) : gdImageJpegPtr(im, &size, 80);
  std::string out(static_cast<const char*>(data), static_cast<std::size_t>(size));
  gdFree(data);
  gdImageDestroy(im);
  return out;
}

TEST(GdImageProcessor, ShrinksToAJpegAndAThumbnail) {
  GdImageProcessor p;
  for (bool png : {true, false}) {
    auto photo = p.Process(Encode(1600, 1200, png));
    ASSERT_TRUE(photo) << photo.error().message;
    gdImagePtr full = gdImageCreateFromJpegPtr(static_cast<int>(photo->full_jpeg.size()), photo->full_jpeg.data());
    gdImagePtr thumb = gdImageCreateFromJpegPtr(static_cast<int>(photo->thumb_jpeg.size()), photo->thumb_jpeg.data());
    ASSERT_TRUE(full && thumb);
    EXPECT_EQ(gdImageSX(full), 800);
    EXPECT_EQ(gdImageSY(full), 600);
    EXPECT_EQ(gdImageSX(thumb), 160);
    EXPECT_EQ(gdImageSY(thumb), 120);
    gdImageDestroy(full);
    gdImageDestroy(thumb);
  }
}

TEST(GdImageProcessor, KeepsSmallPicturesAtTheirSize) {
  auto photo = GdImageProcessor().Process(Encode(300, 400, false));
  ASSERT_TRUE(photo);
  gdImagePtr full = gdImageCreateFromJpegPtr(static_cast<int>(photo->full_jpeg.size()), photo->full_jpeg.data());
  EXPECT_EQ(gdImageSX(full), 300);
  gdImageDestroy(full);
}

TEST(GdImageProcessor, RefusesWhatIsNotAJpegOrPng) {
  GdImageProcessor p;
  EXPECT_EQ(p.Process("GIF89a...........").error().fields.at(0).rule, "image-format");
  EXPECT_EQ(p.Process("").error().fields.at(0).rule, "image-format");
  auto png = Encode(100, 100, true);
  EXPECT_EQ(p.Process(png.substr(0, png.size() / 2)).error().fields.at(0).rule, "image-format") << "truncated";
  EXPECT_EQ(p.Process(Encode(20, 20, true)).error().fields.at(0).rule, "min-size");
}

TEST(GdImageProcessor, RefusesADecompressionBombBeforeDecodingIt) {
  // A PNG header that declares 60000 x 60000 pixels.
  auto png = Encode(100, 100, true);
  png[16] = 0; png[17] = 0; png[18] = static_cast<char>(0xea); png[19] = 0x60;
  png[20] = 0; png[21] = 0; png[22] = static_cast<char>(0xea); png[23] = 0x60;
  EXPECT_EQ(GdImageProcessor().Process(png).error().fields.at(0).rule, "max-size");
}

}  // namespace
}  // namespace dvld::media
