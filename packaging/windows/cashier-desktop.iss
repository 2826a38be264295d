; Inno Setup script: a Windows installer around the PyInstaller one-folder build.
; Build on Windows:  packaging\build.sh's PyInstaller step (or: pyinstaller --noconfirm
; packaging\cashier-desktop.spec), then:  iscc packaging\windows\cashier-desktop.iss
; Not exercised by the Linux test suite; the spec it packages is (tests/packaging/).
#define AppVersion "0.1.0"

[Setup]
AppId={{7F1C2E4A-9B7D-4C1E-A3D2-CA51E2D00001}
AppName=Cashier Desktop
AppVersion={#AppVersion}
AppPublisher=Cage IT
DefaultDirName={autopf}\Cashier Desktop
DefaultGroupName=Cashier Desktop
OutputDir=..\..\dist
OutputBaseFilename=cashier-desktop-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\cashier-desktop.ico
UninstallDisplayIcon={app}\cashier-desktop.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin

[Files]
Source: "..\..\dist\cashier-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
; The machine-wide configuration, from the documented sample, never overwritten.
Source: "..\..\resources\config.sample.toml"; DestDir: "{commonappdata}\cashier-desktop"; DestName: "config.toml"; Flags: onlyifdoesntexist uninsneveruninstall

[Dirs]
; One journal per PC for every cashier's Windows account.
Name: "{commonappdata}\cashier-desktop\data"; Permissions: users-modify

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "CASHIER_CONFIG"; ValueData: "{commonappdata}\cashier-desktop\config.toml"; Flags: preservestringtype uninsdeletevalue

[Icons]
Name: "{group}\Cashier Desktop"; Filename: "{app}\cashier-desktop.exe"; Parameters: "gui"
Name: "{commondesktop}\Cashier Desktop"; Filename: "{app}\cashier-desktop.exe"; Parameters: "gui"

[Run]
Filename: "{app}\cashier-desktop-cli.exe"; Parameters: "selfcheck"; Description: "Check the installation"; Flags: postinstall nowait skipifsilent shellexec
