package dataset

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// deniedFS is files, except that opening name fails as an unreadable file
// does.
type deniedFS struct {
	fstest.MapFS
	name string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

// A dataset file that is present but cannot be used is an error naming it
// and saying why, never a missing (or empty) file: a census on an
// unmounted share must not become "Census: none".
func TestLoadFileNotUsable(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		f    *fstest.MapFile
		want string
	}{
		{"link to a missing file", StaffFile, &fstest.MapFile{Data: []byte("/mnt/hr/staff.csv"), Mode: fs.ModeSymlink},
			"staff.csv: a link to a missing file (/mnt/hr/staff.csv); is the drive or share it is on connected?"},
		{"named pipe", StaffFile, &fstest.MapFile{Mode: fs.ModeNamedPipe}, "staff.csv: is a named pipe, not a regular file"},
		{"folder", InflationFile, &fstest.MapFile{Mode: fs.ModeDir}, "inflation.csv: is a folder, not a regular file"},
		{"device", OnCostsFile, &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice}, "oncosts.csv: is a device, not a regular file"},
		{"socket", StaffFile, &fstest.MapFile{Mode: fs.ModeSocket}, "staff.csv: is a socket, not a regular file"},
		{"required file as a named pipe", BandsFile, &fstest.MapFile{Mode: fs.ModeNamedPipe}, "bands.csv: is a named pipe, not a regular file"},
		{"link to a named pipe", StaffFile, &fstest.MapFile{Data: []byte("pipe"), Mode: fs.ModeSymlink},
			"staff.csv: is a named pipe, not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := files(nil)
			fsys[tc.file] = tc.f
			fsys["pipe"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
			ds, err := Load(fsys, "test")
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v (dataset %v), want\n%s", err, ds != nil, tc.want)
			}
		})
	}
	t.Run("permission denied", func(t *testing.T) {
		_, err := Load(deniedFS{files(map[string]string{StaffFile: "band,point\nBand 1,1\n"}), StaffFile}, "test")
		if want := "staff.csv: cannot be read: permission denied"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
}
